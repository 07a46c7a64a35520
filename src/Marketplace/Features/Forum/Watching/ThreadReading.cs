using Marketplace.Features.Forum.Notifications;
using Marten;
using Marten.Patching;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Features.Forum.Watching;

/// <summary>
/// A member read a thread up to a sequence number (opened its page, joined it over the hub, or saw replies arrive
/// live): their read mark moves forward, never back, and their notifications of the thread up to it become read.
/// One load and one query when nothing changed.
/// </summary>
public sealed class ThreadReading(IDocumentSession session, TimeProvider clock, IHubContext<ForumHub> hub)
{
    public async Task MarkReadAsync(Guid memberId, Guid threadId, long seq, CancellationToken ct)
    {
        var mark = await session.LoadAsync<ThreadReadMark>(ThreadReadMark.IdOf(memberId, threadId), ct);
        var advanced = mark is null || mark.LastReadSeq < seq;
        if (advanced)
        {
            session.Store(new ThreadReadMark { Id = ThreadReadMark.IdOf(memberId, threadId), MemberId = memberId, ThreadId = threadId, LastReadSeq = seq });
        }

        var notified = await session.Query<ForumNotification>()
            .AnyAsync(n => n.MemberId == memberId && n.ThreadId == threadId && n.ReadAt == null && n.Seq <= seq, ct);
        if (notified)
        {
            session.Patch<ForumNotification>(n => n.MemberId == memberId && n.ThreadId == threadId && n.ReadAt == null && n.Seq <= seq)
                .Set(n => n.ReadAt, clock.GetUtcNow());
        }

        if (advanced || notified)
        {
            await session.SaveChangesAsync(ct);
        }

        if (notified)
        {
            await UnreadCounts.PushAsync(hub, session, memberId, ct);
        }
    }
}
