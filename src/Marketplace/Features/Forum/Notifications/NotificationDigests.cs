using Marten;
using Wolverine;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// Batches mail: a member's first unmailed notification schedules one <see cref="SendNotificationDigest"/> after the
/// digest delay, marked by a <see cref="PendingDigest"/>; later ones join it. Creating notifications and sending the
/// digest both take the member's advisory lock first, so a notification committed while the digest runs either makes
/// it into that digest or, finding no marker, schedules the next one.
/// </summary>
public static class NotificationDigests
{
    public static async Task ScheduleAsync(
        IDocumentSession session, IMessageContext messages, IReadOnlyCollection<Guid> members, TimeSpan delay, DateTimeOffset now, CancellationToken ct)
    {
        var optedOut = (await session.LoadManyAsync<NotificationSettings>(ct, members)).Where(s => !s.EmailDigest).Select(s => s.Id).ToHashSet();
        var mailed = members.Where(m => !optedOut.Contains(m)).ToList();
        if (mailed.Count == 0)
        {
            return;
        }

        await NotificationLocks.TakeAsync(session, mailed.Order().Select(NotificationLocks.Digest), ct);
        var pending = (await session.LoadManyAsync<PendingDigest>(ct, mailed)).Select(p => p.Id).ToHashSet();
        foreach (var member in mailed.Where(m => !pending.Contains(m)))
        {
            session.Insert(new PendingDigest { Id = member, DueAt = now + delay });
            await messages.ScheduleAsync(new SendNotificationDigest(member), delay);
        }
    }
}
