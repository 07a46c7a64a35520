using Marketplace.Features.Accounts;
using Marketplace.Features.Forum.Markdown;
using Marten;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// Turns a post's <c>@name</c> mentions (<see cref="ForumMarkdown.Mentions"/>) into members. A mention names a member
/// by their display name written without spaces or any other character a mention cannot hold, ignoring case:
/// "Ada Lovelace" is <c>@AdaLovelace</c> (or <c>@adalovelace</c>), "Jean-Luc O'Neil" is <c>@Jean-LucONeil</c>.
/// Display names are not unique: a name several members share mentions the one of them who posted in the thread, and
/// nobody when that does not settle it. Deleted accounts are never mentioned.
/// </summary>
public static class MentionedMembers
{
    private const string MatchingAccounts =
        "where (data ->> 'DeletedAt') is null and upper(rtrim(regexp_replace(data ->> 'DisplayName', '[^[:alnum:]_.-]+', '', 'g'), '.')) = any(?)";

    /// <summary>The mention that names the member with this display name.</summary>
    public static string MentionOf(string displayName) => string.Concat(displayName.Where(MentionInlineParser.IsNameChar)).TrimEnd('.');

    public static async Task<IReadOnlyList<Guid>> ResolveAsync(IQuerySession session, IReadOnlyList<string> mentions, Guid threadId, CancellationToken ct)
    {
        var wanted = mentions.Select(Key).Where(key => key.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }

        var candidates = await session.QueryAsync<UserAccount>(MatchingAccounts, ct, [wanted]);
        var found = new List<Guid>();
        foreach (var named in candidates.GroupBy(account => Key(account.DisplayName)).Where(group => wanted.Contains(group.Key)))
        {
            var ids = named.Select(account => account.Id).ToArray();
            if (ids.Length > 1)
            {
                ids = [.. (await session.Query<ForumPost>().Where(p => p.ThreadId == threadId && p.AuthorId.IsOneOf(ids))
                    .Select(p => p.AuthorId).ToListAsync(ct)).Distinct()];
            }

            if (ids.Length == 1)
            {
                found.Add(ids[0]);
            }
        }

        return found;
    }

    private static string Key(string name) => MentionOf(name).ToUpperInvariant();
}
