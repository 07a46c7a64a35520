using Marketplace.Features.Accounts;
using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Forum.Watching;
using Marten;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// Who hears of a post, and why. Mentioned members (even in a muted category), quoted authors, and members watching
/// the thread or its category (a level on the thread wins over the category's) — never the author, never a member
/// who muted the thread, never a deleted account. A mention wins over a quote, a quote over a reply.
/// </summary>
public static class NotificationRecipients
{
    public static async Task<IReadOnlyDictionary<Guid, string>> ForAsync(
        IQuerySession session, ForumMarkdown markdown, ForumPost post, ForumThread thread, bool contentOnly, CancellationToken ct)
    {
        var threadLevels = (await session.Query<ThreadWatch>().Where(w => w.ThreadId == thread.Id).ToListAsync(ct))
            .ToDictionary(w => w.MemberId, w => w.Level);
        var kinds = new Dictionary<Guid, string>();
        if (!contentOnly)
        {
            var categoryWatchers = await session.Query<CategoryWatch>()
                .Where(w => w.CategoryId == thread.CategoryId && w.Level == WatchLevel.Watching)
                .Select(w => w.MemberId).ToListAsync(ct);
            foreach (var member in categoryWatchers.Where(m => !threadLevels.ContainsKey(m))
                .Concat(threadLevels.Where(w => w.Value == WatchLevel.Watching).Select(w => w.Key)))
            {
                kinds[member] = NotificationKinds.Reply;
            }
        }

        foreach (var member in await QuotedAuthors.FindAsync(session, post, ct))
        {
            kinds[member] = NotificationKinds.Quote;
        }

        foreach (var member in (await MentionedMembers.FindAsync(session, markdown.Mentions(post.Body), ct)).Values)
        {
            kinds[member.Id] = NotificationKinds.Mention;
        }

        kinds.Remove(post.AuthorId);
        foreach (var muted in threadLevels.Where(w => w.Value == WatchLevel.Muted))
        {
            kinds.Remove(muted.Key);
        }

        if (kinds.Count > 0)
        {
            var active = (await session.LoadManyAsync<UserAccount>(ct, kinds.Keys)).Where(a => a.DeletedAt is null).Select(a => a.Id).ToHashSet();
            foreach (var gone in kinds.Keys.Where(m => !active.Contains(m)).ToList())
            {
                kinds.Remove(gone);
            }
        }

        return kinds;
    }
}
