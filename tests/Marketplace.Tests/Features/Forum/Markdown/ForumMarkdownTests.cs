using Marketplace.Features.Forum.Markdown;

namespace Marketplace.Tests.Features.Forum.Markdown;

public sealed class ForumMarkdownTests
{
    private readonly ForumMarkdown _markdown = new();

    [Fact]
    public void Ordinary_markdown_renders_bold_lists_and_headings()
    {
        var body = RenderedHtml.Parse(_markdown.Render("# Kerning\n\nSome **bold** words.\n\n- one\n- two\n\n> quoted\n\n~~gone~~"));

        body.QuerySelector("h3")!.TextContent.ShouldBe("Kerning");
        body.QuerySelector("strong")!.TextContent.ShouldBe("bold");
        body.QuerySelectorAll("ul > li").Select(li => li.TextContent).ShouldBe(["one", "two"]);
        body.QuerySelector("blockquote")!.TextContent.Trim().ShouldBe("quoted");
        body.QuerySelector("del")!.TextContent.ShouldBe("gone");
    }

    [Fact]
    public void A_code_block_keeps_markup_as_escaped_text()
    {
        var html = _markdown.Render("```html\n<script>alert(1)</script>\n```");

        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        var code = RenderedHtml.Parse(html).QuerySelector("pre > code")!;
        code.TextContent.ShouldBe("<script>alert(1)</script>\n");
        code.ClassName.ShouldBe("language-html");
        RenderedHtml.Parse(html).QuerySelectorAll("script").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=1)", "https://example.com/a?b=1")]
    [InlineData("see https://example.com/a", "https://example.com/a")]
    [InlineData("see www.example.com", "https://www.example.com")]
    [InlineData("<mailto:ada@example.com>", "mailto:ada@example.com")]
    [InlineData("[thread](/forum/t/42)", "/forum/t/42")]
    public void Every_link_is_marked_nofollow_ugc_noopener_and_opens_in_place(string markdown, string href)
    {
        var link = RenderedHtml.Parse(_markdown.Render(markdown)).QuerySelector("a")!;

        link.GetAttribute("href").ShouldBe(href);
        link.GetAttribute("rel").ShouldBe("nofollow ugc noopener");
        link.HasAttribute("target").ShouldBeFalse();
    }

    [Fact]
    public void Tables_task_lists_and_web_images_survive_without_inline_styles()
    {
        var html = _markdown.Render("| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n![logo](https://cdn.example/l.png) ![local](/l.png)");
        var body = RenderedHtml.Parse(html);

        body.QuerySelectorAll("td").Select(td => td.ClassName).ShouldBe(["align-center", "align-right"]);
        body.QuerySelectorAll("[style]").ShouldBeEmpty();
        var boxes = body.QuerySelectorAll("li.task-list-item > input[type=checkbox][disabled]");
        boxes.Select(box => box.HasAttribute("checked")).ShouldBe([true, false]);
        body.QuerySelectorAll("img").Select(img => img.GetAttribute("src")).ShouldBe(["https://cdn.example/l.png"]);
        body.TextContent.ShouldContain("local");
        RenderedHtml.ShouldBeHarmless(html);
    }

    [Fact]
    public void Mentions_of_members_render_as_links_to_them_others_as_plain_text_and_none_in_code_or_email_addresses()
    {
        var markdown = "Thanks @ada_l and @Bob.Smith. Mail carol@example.com, not `@dave`.\n\n    @erin in code\n\n> @frank quoted";
        var links = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ADA_L"] = "/members/Ada_L", ["frank"] = "/members/frank", ["dave"] = "/x" };

        var body = RenderedHtml.Parse(_markdown.Render(markdown, links));

        body.QuerySelectorAll("a.mention").Select(a => (a.TextContent, a.GetAttribute("href"))).ShouldBe([("@ada_l", "/members/Ada_L"), ("@frank", "/members/frank")]);
        body.QuerySelectorAll("span, .mention").Count().ShouldBe(2);
        body.TextContent.ShouldContain("@Bob.Smith.");
        RenderedHtml.Parse(_markdown.Render(markdown)).QuerySelectorAll("a, span").ShouldBeEmpty();
        body.QuerySelector("code")!.TextContent.ShouldBe("@dave");
        _markdown.Mentions(markdown).ShouldBe(["ada_l", "Bob.Smith", "frank"]);
    }

    [Fact]
    public void Mentions_are_distinct_regardless_of_case_and_keep_the_first_spelling()
    {
        _markdown.Mentions("@Ada, @ada and (@bob) then @ADA").ShouldBe(["Ada", "bob"]);
    }

    [Theory]
    [InlineData("@a")]
    [InlineData("@abcdefghijklmnopqrstuvwxyz12345")]
    [InlineData("ada@example.com")]
    [InlineData("@ada@example.com")]
    [InlineData("```\n@ada\n```")]
    [InlineData("`@ada`")]
    [InlineData("https://example.com/@ada")]
    [InlineData("\\@ada")]
    public void Text_that_only_looks_like_a_mention_is_not_one(string markdown)
    {
        _markdown.Mentions(markdown).ShouldBeEmpty();
        RenderedHtml.Parse(_markdown.Render(markdown)).QuerySelectorAll("span.mention").ShouldBeEmpty();
    }

    [Fact]
    public void At_most_twenty_mentions_are_extracted()
    {
        var markdown = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"@member{i}"));

        _markdown.Mentions(markdown).ShouldBe(Enumerable.Range(1, 20).Select(i => $"member{i}"));
    }

    [Fact]
    public void A_quote_has_an_attribution_line_and_quotes_every_line()
    {
        var quote = _markdown.Quote("Ada [Lovelace]", "First *line*\r\n\r\n@bob said\n");

        quote.ShouldBe("Ada \\[Lovelace\\] wrote:\n> First *line*\n>\n> @bob said\n\n");
        var body = RenderedHtml.Parse(_markdown.Render(quote + "I agree."));
        body.QuerySelector("p")!.TextContent.ShouldBe("Ada [Lovelace] wrote:");
        body.QuerySelector("blockquote em")!.TextContent.ShouldBe("line");
        body.QuerySelectorAll("a").ShouldBeEmpty();
        body.LastElementChild!.TextContent.ShouldBe("I agree.");
    }

    [Fact]
    public void A_display_name_cannot_smuggle_markdown_into_the_attribution()
    {
        var quote = _markdown.Quote("![x](https://evil.example/t.png)\n# @admin", "hi");

        quote.Split('\n')[0].ShouldBe("\\!\\[x\\]\\(https\\:\\/\\/evil\\.example\\/t\\.png\\) \\# \\@admin wrote:");
        var body = RenderedHtml.Parse(_markdown.Render(quote));
        body.QuerySelectorAll("img, a, h3, span.mention").ShouldBeEmpty();
    }

    [Fact]
    public void One_instance_renders_the_same_on_many_threads_at_once()
    {
        const string markdown = "Hi @ada, **see** [this](https://example.com) and `code`.\n\n| a |\n|---|\n| 1 |\n\n- [x] done";
        var expected = _markdown.Render(markdown);

        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = _markdown.Render(markdown));

        results.ShouldAllBe(html => html == expected);
    }

    [Fact]
    public void A_long_table_stays_a_table()
    {
        var markdown = "| item | price |\n|---|--:|\n" + string.Concat(Enumerable.Range(1, 1_000).Select(i => $"| item {i} | {i} |\n"));

        var body = RenderedHtml.Parse(_markdown.Render(markdown));

        body.QuerySelectorAll("tbody > tr").Length.ShouldBe(1_000);
    }

    [Theory]
    [InlineData("nested quotes")]
    [InlineData("quotes and lists on one line")]
    [InlineData("nested lists")]
    [InlineData("open brackets")]
    [InlineData("emphasis runs")]
    [InlineData("table after an open emphasis")]
    [InlineData("bare links after code")]
    [InlineData("tiny paragraphs")]
    [InlineData("at signs")]
    public void Fifty_kilobytes_of_hostile_markdown_render_quickly(string shape)
    {
        var markdown = Hostile(shape);
        markdown.Length.ShouldBeGreaterThanOrEqualTo(50_000);

        var html = "";
        var work = ThreadCpuTime.Of(() =>
        {
            html = _markdown.Render(markdown);
            _markdown.Mentions(markdown);
        });

        work.ShouldBeLessThan(TimeSpan.FromSeconds(5)); // processor time: a busy machine does not make it slower
        RenderedHtml.ShouldBeHarmless(html);
    }

    private static string Hostile(string shape) => shape switch
    {
        "nested quotes" => new string('>', 50_000) + " x",
        "quotes and lists on one line" => string.Concat(Enumerable.Repeat("> - 1. ", 7_200)),
        "nested lists" => string.Concat(Enumerable.Range(0, 230).Select(i => new string(' ', i * 2) + "- x\n")),
        "open brackets" => new string('[', 50_000),
        "emphasis runs" => string.Concat(Enumerable.Repeat("*a _b ", 8_400)),
        "table after an open emphasis" => "| *a | b |\n|---|---|\n" + string.Concat(Enumerable.Repeat("|1|2|\n", 8_400)),
        "bare links after code" => string.Concat(Enumerable.Repeat("`a` ", 6_300)) + string.Concat(Enumerable.Repeat("www.a.example ", 1_800)),
        "tiny paragraphs" => string.Concat(Enumerable.Repeat("a\n\n", 16_700)),
        "at signs" => string.Concat(Enumerable.Repeat("@ab @@ ", 7_200)),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };
}
