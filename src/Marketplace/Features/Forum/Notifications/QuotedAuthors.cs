using System.Text.RegularExpressions;
using Marketplace.Features.Forum.Markdown;
using Marten;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// Finds whom a post quotes: the composer's quotes (<see cref="ForumMarkdown.Quote"/>) open with "Name wrote:" above
/// a block quote, and the name is matched to the authors of earlier visible posts in the same thread. A name two
/// authors of the thread share settles nothing and is left out.
/// </summary>
public static partial class QuotedAuthors
{
    private const int MaximumQuotes = 10;

    public static async Task<IReadOnlyList<Guid>> FindAsync(IQuerySession session, ForumPost post, CancellationToken ct)
    {
        var found = new List<Guid>();
        foreach (var name in Names(post.Body))
        {
            var authors = (await session.Query<ForumPost>()
                .Where(p => p.ThreadId == post.ThreadId && p.Seq < post.Seq && !p.Hidden && p.AuthorName == name)
                .Select(p => p.AuthorId).ToListAsync(ct)).Distinct().ToList();
            if (authors.Count == 1)
            {
                found.Add(authors[0]);
            }
        }

        return found;
    }

    /// <summary>The attributions of the post's quotes, unescaped, each once.</summary>
    public static IReadOnlyList<string> Names(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var names = new List<string>();
        for (var i = 0; i + 1 < lines.Length && names.Count < MaximumQuotes; i++)
        {
            if (Attribution().Match(lines[i]) is { Success: true } match && lines[i + 1].StartsWith('>'))
            {
                var name = Escaped().Replace(match.Groups["name"].Value, "$1").Trim();
                if (name.Length > 0 && !names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    [GeneratedRegex("^(?<name>.{1,120}) wrote:$")]
    private static partial Regex Attribution();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Escaped();
}
