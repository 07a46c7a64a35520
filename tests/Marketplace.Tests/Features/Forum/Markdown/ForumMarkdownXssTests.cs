using Marketplace.Features.Forum.Markdown;

namespace Marketplace.Tests.Features.Forum.Markdown;

public sealed class ForumMarkdownXssTests
{
    private readonly ForumMarkdown _markdown = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))")]
    [InlineData("[x](javascript&colon;alert(1))")]
    [InlineData("[x](<java\tscript:alert(1)>)")]
    [InlineData("[x](java\u0001script:alert(1))")]
    [InlineData("[x](\u0001 javascript:alert(1))")]
    [InlineData("[x](<javascript:alert(1)> \"title\")")]
    [InlineData("[x][evil]\n\n[evil]: javascript:alert(1)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<object data=\"javascript:alert(1)\"></object>")]
    [InlineData("<embed src=\"javascript:alert(1)\">")]
    [InlineData("<style>@import 'https://evil.example/x.css';</style>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>")]
    [InlineData("<form action=javascript:alert(1)><button>x</button></form>")]
    [InlineData("<input onfocus=alert(1) autofocus>")]
    [InlineData("\"><script>alert(1)</script>")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<details open ontoggle=alert(1)>")]
    [InlineData("<base href=\"https://evil.example/\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">")]
    [InlineData("[x](https://ok.example/\" onclick=\"alert(1))")]
    [InlineData("<https://ok.example/\"onmouseover=\"alert(1)>")]
    [InlineData("www.ok.example/\"onmouseover=\"alert(1)")]
    [InlineData("```\"><script>alert(1)</script>\ncode\n```")]
    [InlineData("```js onclick=alert(1)\ncode\n```")]
    [InlineData("@\"><img/src=x/onerror=alert(1)>")]
    [InlineData("| a |\n|---|\n| <img src=x onerror=alert(1)> |")]
    [InlineData("- [x] <input type=text autofocus onfocus=alert(1)>")]
    public void A_classic_xss_vector_is_neutralised(string markdown)
    {
        RenderedHtml.ShouldBeHarmless(_markdown.Render(markdown));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public void Raw_html_and_script_links_come_out_as_text_or_inert_links(string markdown)
    {
        var body = RenderedHtml.Parse(_markdown.Render(markdown));

        body.QuerySelectorAll("[href]").ShouldBeEmpty();
        body.QuerySelectorAll("img").ShouldBeEmpty();
        body.TextContent.ShouldNotBeNullOrWhiteSpace();
    }
}
