using Marketplace.Features.Accounts;
using Marten;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>A member a post mentions: who, and where the mention links to.</summary>
public sealed record MentionedMember(Guid Id, string Handle)
{
    public string Link => MentionedMembers.LinkTo(Handle);
}

/// <summary>
/// Turns a post's <c>@handle</c> mentions (<see cref="Markdown.ForumMarkdown.Mentions"/>) into members. A mention names a
/// member by their handle (<see cref="MemberHandles"/>), in any case: <c>@adalovelace</c> is <c>AdaLovelace</c>. Handles are
/// unique, so a mention names one member or nobody; deleted accounts are never mentioned.
/// </summary>
public static class MentionedMembers
{
    /// <summary>The member page a mention links to.</summary>
    public static string LinkTo(string handle) => "/members/" + Uri.EscapeDataString(handle);

    /// <summary>The mentioned members, by the mention as written (any case).</summary>
    public static async Task<IReadOnlyDictionary<string, MentionedMember>> FindAsync(
        IQuerySession session, IReadOnlyList<string> mentions, CancellationToken ct)
    {
        var wanted = mentions.Where(m => MemberHandles.Problem(m) is null).Select(MemberHandles.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return new Dictionary<string, MentionedMember>();
        }

        var accounts = await session.Query<UserAccount>()
            .Where(u => u.NormalizedHandle!.IsOneOf(wanted) && u.DeletedAt == null)
            .ToListAsync(ct);
        var byHandle = accounts.ToDictionary(a => a.NormalizedHandle!, a => new MentionedMember(a.Id, a.Handle!), StringComparer.Ordinal);
        var found = new Dictionary<string, MentionedMember>(StringComparer.OrdinalIgnoreCase);
        foreach (var mention in mentions)
        {
            if (byHandle.TryGetValue(MemberHandles.Normalize(mention), out var member))
            {
                found[mention] = member;
            }
        }

        return found;
    }

    /// <summary>Where each resolved mention of <paramref name="body"/> links to, for <see cref="Markdown.ForumMarkdown.Render"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LinksAsync(
        IQuerySession session, Markdown.ForumMarkdown markdown, string body, CancellationToken ct) =>
        (await FindAsync(session, markdown.Mentions(body), ct)).ToDictionary(m => m.Key, m => m.Value.Link, StringComparer.OrdinalIgnoreCase);
}
