using Marten;
using Marten.Patching;
using Wolverine;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// A hidden post's notifications are withdrawn (left out of lists, counts and digests); a restored post's come back,
/// and members who should hear of it but have not yet are notified now. Unread counts follow live, after commit.
/// </summary>
public static class PostNotificationsVisibilityHandler
{
    public static async Task HandleAsync(PostNotificationsVisibility message, IDocumentSession session, IMessageContext messages, CancellationToken ct)
    {
        var affected = await session.Query<ForumNotification>()
            .Where(n => n.PostId == message.PostId && n.Withdrawn != message.Hidden)
            .Select(n => n.MemberId).ToListAsync(ct);
        if (affected.Count > 0)
        {
            session.Patch<ForumNotification>(n => n.PostId == message.PostId).Set(n => n.Withdrawn, message.Hidden);
            foreach (var member in affected.Distinct())
            {
                await messages.PublishAsync(new UnreadCountChanged(member));
            }
        }

        if (!message.Hidden)
        {
            await messages.PublishAsync(new NotifyAboutPost(message.PostId));
        }
    }
}
