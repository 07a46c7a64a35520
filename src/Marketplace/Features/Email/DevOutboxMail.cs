using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Features.Email;

/// <summary>A mail kept by the dev outbox instead of being sent. Its id is the <see cref="SendEmail.MessageId"/>.</summary>
public sealed partial class DevOutboxMail
{
    public Guid Id { get; init; }
    public required string To { get; init; }
    public required string Subject { get; init; }
    public required string Text { get; init; }
    public required string Html { get; init; }

    /// <summary>Every link target in the html, decoded, in order of first appearance, each once.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    public DateTimeOffset SentAt { get; init; }

    public static DevOutboxMail Of(SendEmail message, DateTimeOffset sentAt) => new()
    {
        Id = message.MessageId,
        To = message.To,
        Subject = message.Subject,
        Text = message.Text,
        Html = message.Html,
        Links = ExtractLinks(message.Html),
        SentAt = sentAt,
    };

    public static IReadOnlyList<string> ExtractLinks(string html)
    {
        var links = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Href().Matches(html))
        {
            var link = WebUtility.HtmlDecode(match.Groups["url"].Value).Trim();
            if (link.Length > 0 && seen.Add(link))
            {
                links.Add(link);
            }
        }

        return links;
    }

    [GeneratedRegex("""\bhref\s*=\s*(?:"(?<url>[^"]*)"|'(?<url>[^']*)'|(?<url>[^\s"'>]+))""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Href();
}
