using Marten;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>After commit, tells the member's own connections (every tab, every node) of a new notification and their unread count.</summary>
public static class NotificationPushHandler
{
    public static async Task HandleAsync(NotificationCreated message, IQuerySession session, IHubContext<ForumHub> hub, CancellationToken ct)
    {
        if (await session.LoadAsync<ForumNotification>(message.NotificationId, ct) is { ReadAt: null, Withdrawn: false } notification)
        {
            await UnreadCounts.Member(hub, message.MemberId).SendAsync(UnreadCounts.NotificationMethod, NotificationView.Of(notification), ct);
        }

        await UnreadCounts.PushAsync(hub, session, message.MemberId, ct);
    }

    public static Task HandleAsync(UnreadCountChanged message, IQuerySession session, IHubContext<ForumHub> hub, CancellationToken ct) =>
        UnreadCounts.PushAsync(hub, session, message.MemberId, ct);
}
