namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// A committed post may concern members: those it mentions or quotes, and (unless <see cref="ContentOnly"/>, as for an
/// edit) those watching its thread or category. Published through the outbox beside <see cref="PostPublished"/>.
/// </summary>
public sealed record NotifyAboutPost(Guid PostId, bool ContentOnly = false);

/// <summary>A notification was committed; the member's open pages hear of it over the hub.</summary>
public sealed record NotificationCreated(string NotificationId, Guid MemberId);

/// <summary>A moderator hid or restored a post: its notifications are withdrawn, or come back.</summary>
public sealed record PostNotificationsVisibility(Guid PostId, bool Hidden);

/// <summary>Time to mail a member one digest of what they have not read.</summary>
public sealed record SendNotificationDigest(Guid MemberId);

/// <summary>A member's unread count changed outside a request (a post hidden or restored); their pages hear of it.</summary>
public sealed record UnreadCountChanged(Guid MemberId);
