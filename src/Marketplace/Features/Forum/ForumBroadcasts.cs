using Marten;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Features.Forum;

/// <summary>A post's body changed (edit); readers get the new rendering.</summary>
public sealed record PostChanged(Guid PostId, Guid ThreadId);

/// <summary>A thread was locked or unlocked.</summary>
public sealed record ThreadLockChanged(Guid ThreadId, bool Locked);

/// <summary>
/// Pushes committed changes to each thread's readers. These run from Wolverine's durable queue after the change
/// committed (the messages leave through the outbox), so nobody ever sees a post that was rolled back.
/// </summary>
public static class ForumBroadcastsHandler
{
    public static async Task HandleAsync(PostPublished message, IQuerySession session, IHubContext<ForumHub> hub, CancellationToken ct)
    {
        if (await session.LoadAsync<ForumPost>(message.PostId, ct) is { Hidden: false } post)
        {
            await hub.Clients.Group(ForumHub.Group(post.ThreadId)).SendAsync("PostCreated", await VerifiedBuyers.BadgeAsync(session, PostView.Of(post), ct), ct);
        }
    }

    public static async Task HandleAsync(PostChanged message, IQuerySession session, IHubContext<ForumHub> hub, CancellationToken ct)
    {
        if (await session.LoadAsync<ForumPost>(message.PostId, ct) is { Hidden: false } post)
        {
            var view = await PostLikes.CountAsync(session, await VerifiedBuyers.BadgeAsync(session, PostView.Of(post), ct), ct);
            await hub.Clients.Group(ForumHub.Group(post.ThreadId)).SendAsync("PostEdited", view, ct);
        }
    }

    /// <summary>Readers see the post's like count as it is now (not the message's), so a late message cannot show an old count last.</summary>
    public static async Task HandleAsync(PostLikesChanged message, IQuerySession session, IHubContext<ForumHub> hub, CancellationToken ct)
    {
        var likes = (await session.LoadAsync<PostLikeTally>(message.PostId, ct))?.Count ?? 0;
        await hub.Clients.Group(ForumHub.Group(message.ThreadId)).SendAsync("PostLikes", new { message.PostId, message.ThreadId, Likes = likes }, ct);
    }

    /// <summary>Hidden: readers drop the post (moderators keep it, marked). Restored: it arrives again as a new post.</summary>
    public static async Task HandleAsync(PostVisibilityChanged message, IQuerySession session, IHubContext<ForumHub> hub, CancellationToken ct)
    {
        var group = hub.Clients.Group(ForumHub.Group(message.ThreadId));
        if (message.Hidden)
        {
            await group.SendAsync("PostHidden", new { message.PostId, message.ThreadId, message.Seq }, ct);
        }
        else if (await session.LoadAsync<ForumPost>(message.PostId, ct) is { Hidden: false } post)
        {
            await group.SendAsync("PostCreated", await PostLikes.CountAsync(session, await VerifiedBuyers.BadgeAsync(session, PostView.Of(post), ct), ct), ct);
        }
    }

    public static Task HandleAsync(ThreadLockChanged message, IHubContext<ForumHub> hub, CancellationToken ct) =>
        hub.Clients.Group(ForumHub.Group(message.ThreadId)).SendAsync("ThreadLocked", new { message.ThreadId, message.Locked }, ct);
}
