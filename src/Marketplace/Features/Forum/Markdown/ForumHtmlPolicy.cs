using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Marketplace.Features.Forum.Markdown;

/// <summary>
/// The allow-list a rendered post must pass. HtmlSanitizer applies the union of the lists below (tags, attributes,
/// URL schemes), then <see cref="Tidy"/> narrows attributes and classes per element and sets link relations.
/// </summary>
internal static partial class ForumHtmlPolicy
{
    public const string LinkRel = "nofollow ugc noopener";

    public static readonly FrozenSet<string> Schemes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "http", "https", "mailto");

    public static readonly FrozenDictionary<string, string[]> AttributesByTag = new Dictionary<string, string[]>
    {
        ["p"] = [], ["br"] = [], ["hr"] = [], ["strong"] = [], ["em"] = [], ["del"] = [], ["pre"] = [], ["blockquote"] = [],
        ["h3"] = [], ["h4"] = [], ["h5"] = [], ["h6"] = [], ["table"] = [], ["thead"] = [], ["tbody"] = [], ["tr"] = [],
        ["a"] = ["href", "title", "class"],
        ["img"] = ["src", "alt", "title"],
        ["ol"] = ["start", "class"],
        ["ul"] = ["class"],
        ["li"] = ["class"],
        ["input"] = ["type", "checked", "disabled"],
        ["code"] = ["class"],
        ["span"] = ["class"],
        ["th"] = ["class"],
        ["td"] = ["class"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static HtmlSanitizer CreateSanitizer()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(AttributesByTag.Keys);
        options.AllowedAttributes.UnionWith(AttributesByTag.Values.SelectMany(names => names));
        options.UriAttributes.UnionWith(["href", "src"]);
        options.AllowedSchemes.UnionWith(Schemes);
        return new HtmlSanitizer(options);
    }

    /// <summary>
    /// Sanitizes <paramref name="html"/>, then applies the per-element rules. The rules run here rather than in
    /// HtmlSanitizer's PostProcessNode event because subscribing to it makes the sanitizer normalize the whole document
    /// first, which AngleSharp does in time quadratic in the number of sibling nodes.
    /// </summary>
    public static string Sanitize(HtmlSanitizer sanitizer, string html)
    {
        using var document = sanitizer.SanitizeDom(html);
        if (document.Body is not { } body)
        {
            return string.Empty;
        }

        foreach (var element in body.QuerySelectorAll("*"))
        {
            Tidy(element);
        }

        return LinearHtmlWriter.Write(body.ChildNodes, sanitizer.OutputFormatter);
    }

    private static void Tidy(IElement element)
    {
        var allowed = AttributesByTag.GetValueOrDefault(element.LocalName, []);
        foreach (var attribute in element.Attributes.Where(a => !allowed.Contains(a.Name, StringComparer.Ordinal)).ToList())
        {
            element.RemoveAttribute(attribute.Name);
        }

        KeepOwnClasses(element);
        switch (element.LocalName)
        {
            case "a":
                if (element.GetAttribute("href") is { } href && !IsSafeUrl(href, relativeAllowed: true))
                {
                    element.RemoveAttribute("href");
                }

                element.SetAttribute("rel", LinkRel);
                break;
            case "img":
                // Images that are not absolute web addresses never get this far (see ForumMarkdownPipeline).
                if (element.GetAttribute("src") is { } src && !IsSafeUrl(src, relativeAllowed: false))
                {
                    element.RemoveAttribute("src");
                }

                element.SetAttribute("loading", "lazy");
                element.SetAttribute("referrerpolicy", "no-referrer");
                break;
            case "input":
                element.SetAttribute("type", "checkbox");
                element.SetAttribute("disabled", "disabled");
                break;
        }
    }

    private static void KeepOwnClasses(IElement element)
    {
        if (!element.HasAttribute("class"))
        {
            return;
        }

        foreach (var name in element.ClassList.Where(name => !IsOwnClass(element.LocalName, name)).ToList())
        {
            element.ClassList.Remove(name);
        }

        if (element.ClassList.Length == 0)
        {
            element.RemoveAttribute("class");
        }
    }

    private static bool IsOwnClass(string tag, string name) => tag switch
    {
        "a" => name == MentionExtension.CssClass,
        "code" => LanguageClass().IsMatch(name),
        "ul" or "ol" => name == "contains-task-list",
        "li" => name == "task-list-item",
        "th" or "td" => name is ForumMarkdownPipeline.AlignCenterClass or ForumMarkdownPipeline.AlignRightClass,
        _ => false,
    };

    /// <summary>
    /// Reads the address the way a browser will (WHATWG URL parsing, which drops tabs and newlines anywhere and
    /// control characters around it), so that an address HtmlSanitizer let through cannot still name a script.
    /// </summary>
    public static bool IsSafeUrl(string value, bool relativeAllowed)
    {
        var url = relativeAllowed ? new Url(new Url("https://forum.invalid/t/1"), value) : new Url(value);
        if (url.IsInvalid)
        {
            return false;
        }

        return relativeAllowed ? Schemes.Contains(url.Scheme) : url.Scheme is "http" or "https";
    }

    [GeneratedRegex("^language-[A-Za-z0-9_+#.-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageClass();
}
