using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Features.Forum.Notifications;

public sealed record NotificationActor(Guid Id, string DisplayName);

/// <summary>A notification as the API returns it and the hub pushes it (<c>Notification</c>).</summary>
public sealed record NotificationView(
    string Id, string Kind, Guid ThreadId, string ThreadTitle, Guid PostId, long Seq, NotificationActor Actor, string Excerpt,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationView Of(ForumNotification n) => new(
        n.Id, n.Kind, n.ThreadId, n.ThreadTitle, n.PostId, n.Seq, new NotificationActor(n.ActorId, n.ActorName), n.Excerpt, n.CreatedAt, n.ReadAt);

    /// <summary>"Ada mentioned you", "Ada quoted you", "Ada replied".</summary>
    [JsonIgnore]
    public string Summary => Kind switch
    {
        NotificationKinds.Mention => $"{Actor.DisplayName} mentioned you",
        NotificationKinds.Quote => $"{Actor.DisplayName} quoted you",
        _ => $"{Actor.DisplayName} replied",
    };
}

/// <summary>The hub's <c>UnreadCount</c> message.</summary>
public sealed record UnreadCountView(int UnreadCount);

/// <summary>A member's unread notifications: counted, and pushed to every connection of theirs.</summary>
public static class UnreadCounts
{
    public const string NotificationMethod = "Notification";
    public const string CountMethod = "UnreadCount";

    public static Task<int> CountAsync(IQuerySession session, Guid memberId, CancellationToken ct) =>
        session.Query<ForumNotification>().CountAsync(n => n.MemberId == memberId && n.ReadAt == null && !n.Withdrawn, ct);

    /// <summary>The hub's user id is the <c>NameIdentifier</c> claim, the account id in its "D" format.</summary>
    public static IClientProxy Member(IHubContext<ForumHub> hub, Guid memberId) => hub.Clients.User(memberId.ToString());

    public static async Task PushAsync(IHubContext<ForumHub> hub, IQuerySession session, Guid memberId, CancellationToken ct) =>
        await Member(hub, memberId).SendAsync(CountMethod, new UnreadCountView(await CountAsync(session, memberId, ct)), ct);
}
