namespace Marketplace.Features.Forum.Notifications;

/// <summary>Why a member was notified of a post. One notification per member and post: a mention wins over a quote over a reply.</summary>
public static class NotificationKinds
{
    public const string Mention = "mention";
    public const string Quote = "quote";
    public const string Reply = "reply";
}

/// <summary>
/// A member's notification of one post. The id is the pair (member, post), so however often or concurrently a post
/// is handled, a member is notified of it once.
/// </summary>
public sealed class ForumNotification
{
    public string Id { get; set; } = "";
    public Guid MemberId { get; set; }
    public string Kind { get; set; } = NotificationKinds.Reply;
    public Guid ThreadId { get; set; }
    public string ThreadTitle { get; set; } = "";
    public Guid PostId { get; set; }
    public long Seq { get; set; }
    public Guid ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Excerpt { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Set when a digest mail listed it: no later digest lists it again.</summary>
    public DateTimeOffset? EmailedAt { get; set; }

    /// <summary>The post was hidden by a moderator: the notification is left out until the post is restored.</summary>
    public bool Withdrawn { get; set; }

    public static string IdOf(Guid memberId, Guid postId) => $"{memberId:N}:{postId:N}";
}

/// <summary>A member's notification settings; without one, digest mail is on.</summary>
public sealed class NotificationSettings
{
    /// <summary>The member's id.</summary>
    public Guid Id { get; set; }

    public bool EmailDigest { get; set; } = true;
}

/// <summary>
/// A digest mail is scheduled for the member (id: the member). While it exists, new notifications join that digest
/// instead of scheduling another; the digest removes it when it runs.
/// </summary>
public sealed class PendingDigest
{
    public Guid Id { get; set; }
    public DateTimeOffset DueAt { get; set; }
}
