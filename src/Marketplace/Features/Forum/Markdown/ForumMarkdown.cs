using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using MarkdigMarkdown = Markdig.Markdown;

namespace Marketplace.Features.Forum.Markdown;

/// <summary>
/// Forum post bodies: Markdown in, sanitized HTML out, plus the mentions and quotes the composer needs.
/// </summary>
/// <remarks>
/// Registered as a singleton: the Markdig pipeline and the HtmlSanitizer it holds are built once and are both safe to
/// share between threads (a Markdig pipeline is immutable once built and rents a renderer per call; HtmlSanitizer
/// documents <c>Sanitize()</c> as thread-safe while its configuration is left alone, and nothing here changes it).
/// </remarks>
public sealed class ForumMarkdown
{
    public const int MaximumMentions = 20;

    private readonly MarkdownPipeline _pipeline = ForumMarkdownPipeline.Build();
    private readonly HtmlSanitizer _sanitizer = ForumHtmlPolicy.CreateSanitizer();

    /// <summary>
    /// Renders a post body to HTML that is safe to insert into a page as is. A mention found in
    /// <paramref name="mentionLinks"/> (by its name, in any case) links there; any other stays plain text.
    /// </summary>
    public string Render(string markdown, IReadOnlyDictionary<string, string>? mentionLinks = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (TryParse(markdown) is { } document && TryWriteHtml(Linked(document, mentionLinks)) is { } html)
        {
            return ForumHtmlPolicy.Sanitize(_sanitizer, html);
        }

        return "<pre>" + WebUtility.HtmlEncode(markdown) + "</pre>";
    }

    /// <summary>
    /// The members a post mentions, as written the first time (compared without regard to case), at most
    /// <see cref="MaximumMentions"/>. Mentions in code and e-mail addresses do not count.
    /// </summary>
    public IReadOnlyList<string> Mentions(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (TryParse(markdown) is not { } document)
        {
            return [];
        }

        return [.. document.Descendants<MentionInline>()
            .Select(mention => mention.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaximumMentions)];
    }

    /// <summary>
    /// Whether the post links anywhere or shows an image: a Markdown link or image, an autolink, or a bare web address.
    /// Mentions of members do not count (they link within the forum). Input too deep to format is plain text: no links.
    /// </summary>
    public bool HasLinksOrImages(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return TryParse(markdown) is { } document
            && (document.Descendants<Markdig.Syntax.Inlines.LinkInline>().Any() || document.Descendants<Markdig.Syntax.Inlines.AutolinkInline>().Any());
    }

    /// <summary>
    /// Markdown that quotes another post for the reply composer: an attribution line, then the post as a block quote,
    /// then an empty line to write the reply on.
    /// </summary>
    public string Quote(string authorDisplayName, string markdown)
    {
        ArgumentNullException.ThrowIfNull(authorDisplayName);
        ArgumentNullException.ThrowIfNull(markdown);

        var quote = new StringBuilder();
        quote.Append(EscapeInline(authorDisplayName)).Append(" wrote:\n");
        foreach (var line in markdown.ReplaceLineEndings("\n").TrimEnd().Split('\n'))
        {
            quote.Append(line.Length == 0 ? ">" : "> " + line).Append('\n');
        }

        return quote.Append('\n').ToString();
    }

    /// <summary>The parsed post, or null for input too deeply nested to be worth formatting (kept as plain text).</summary>
    private MarkdownDocument? TryParse(string markdown)
    {
        if (ContainerDepth.IsExcessive(markdown))
        {
            return null;
        }

        try
        {
            return MarkdigMarkdown.Parse(markdown, _pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limits, which the checks above leave as a last line of defence.
            return null;
        }
    }

    private static MarkdownDocument Linked(MarkdownDocument document, IReadOnlyDictionary<string, string>? mentionLinks)
    {
        if (mentionLinks is { Count: > 0 })
        {
            foreach (var mention in document.Descendants<MentionInline>())
            {
                mention.Link = mentionLinks.GetValueOrDefault(mention.Name);
            }
        }

        return document;
    }

    private string? TryWriteHtml(MarkdownDocument document)
    {
        try
        {
            return document.ToHtml(_pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Makes a display name plain text in Markdown: no link, image, heading or mention can hide in it.</summary>
    public static string EscapeInline(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                escaped.Append(' ');
            }
            else
            {
                escaped.Append(char.IsAscii(c) && c != ' ' && !char.IsAsciiLetterOrDigit(c) ? "\\" : "").Append(c);
            }
        }

        return escaped.ToString().Trim();
    }
}
