using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>A notification's line of text: the post's own words (quotes and their "Name wrote:" left out), plain, cut at a word.</summary>
public static partial class NotificationExcerpt
{
    public const int MaximumLength = 140;

    public static string Of(string html)
    {
        var own = Text(Quote().Replace(html, " "));
        var text = own.Length > 0 ? own : Text(html);
        if (text.Length <= MaximumLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaximumLength - 1);
        return text[..(cut > MaximumLength / 2 ? cut : MaximumLength - 1)].TrimEnd() + "…";
    }

    private static string Text(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(BlockTag().Replace(html, " "), "")), " ").Trim();

    [GeneratedRegex(@"(?:<p>(?:(?!</p>)[^<]){1,300} wrote:</p>\s*)?<blockquote\b[\s\S]*?</blockquote>", RegexOptions.IgnoreCase)]
    private static partial Regex Quote();

    [GeneratedRegex(@"</?(?:p|br|li|ul|ol|h[1-6]|pre|div|blockquote|table|tr|td|th|hr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
