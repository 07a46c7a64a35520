using Marketplace.Features.Forum.Notifications;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Marten.Patching;
using Microsoft.AspNetCore.SignalR;
using Wolverine;

namespace Marketplace.Features.Forum.Watching;

/// <summary>
/// A member read a thread up to a sequence number (opened its page, joined it over the hub, or saw replies arrive
/// live): their read mark moves forward, never back, and their notifications of the thread up to it become read.
/// One load and one query when nothing changed; the first visit goes through <see cref="EnterThread"/>.
/// </summary>
public sealed class ThreadReading(IDocumentSession session, TimeProvider clock, IHubContext<ForumHub> hub, IMessageBus bus)
{
    public async Task MarkReadAsync(Guid memberId, Guid threadId, long seq, CancellationToken ct)
    {
        var mark = await session.LoadAsync<ThreadReadMark>(ThreadReadMark.IdOf(memberId, threadId), ct);
        if (mark is null)
        {
            // The first visit: a handler makes the mark, so that entering the thread is published with it (trust counts it).
            await bus.InvokeAsync(new EnterThread.Command(memberId, threadId, seq), ct, UseCases.InvokeTimeout);
        }

        var advanced = mark is not null && mark.LastReadSeq < seq;
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
