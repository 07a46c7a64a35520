using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Marketplace.Tests.Features.Forum.Markdown;

/// <summary>Reads rendered post HTML the way a browser would, and checks it against the forum's allow-list.</summary>
internal static class RenderedHtml
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
        "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "img", "input", "span",
    ];

    private static readonly string[] ForbiddenTags =
        ["script", "iframe", "object", "embed", "style", "form", "base", "meta", "svg", "math", "link", "details", "button"];

    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "data", "cite", "ping"];

    public static IElement Parse(string html) => new HtmlParser().ParseDocument($"<!doctype html><body>{html}").Body!;

    public static void ShouldBeHarmless(string html)
    {
        var body = Parse(html);
        var elements = body.QuerySelectorAll("*").ToList();

        elements.Select(e => e.LocalName).ShouldNotContain(name => ForbiddenTags.Contains(name), html);
        elements.Select(e => e.LocalName).ShouldAllBe(name => AllowedTags.Contains(name), html);
        body.Owner!.Head!.ChildElementCount.ShouldBe(0, html);
        foreach (var attribute in elements.SelectMany(e => e.Attributes))
        {
            attribute.Name.ShouldNotStartWith("on", Case.Insensitive, html);
            attribute.Name.ShouldNotBe("style", html);
            if (UrlAttributes.Contains(attribute.LocalName) || UrlAttributes.Contains(attribute.Name))
            {
                IsSafeUrl(attribute.Value).ShouldBeTrue($"{attribute.Name}=\"{attribute.Value}\" in {html}");
            }

            var squeezed = new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
            squeezed.ShouldNotContain("javascript:", Case.Insensitive, html);
            squeezed.ShouldNotContain("vbscript:", Case.Insensitive, html);
            squeezed.ShouldNotContain("data:", Case.Insensitive, html);
        }
    }

    /// <summary>An address is safe when, resolved against a page of ours by WHATWG rules, it is http(s) or mailto.</summary>
    private static bool IsSafeUrl(string value)
    {
        var url = new Url(new Url("https://forum.test/t/1"), value);
        return !url.IsInvalid && url.Scheme is "http" or "https" or "mailto";
    }
}
