namespace Marketplace.Features.Forum;

/// <summary>A forum category, ordered by <see cref="Position"/>. Read-only categories take threads from moderators only.</summary>
public sealed class ForumCategory
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public int Position { get; set; }
    public bool ReadOnly { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set on a shop's support category: its owner's posts there carry the seller badge.</summary>
    public Guid? ShopId { get; set; }

    public Guid? SellerId { get; set; }
}

/// <summary>The badges a post's author can carry.</summary>
public static class ForumBadges
{
    /// <summary>The author runs the shop whose support category the post is in.</summary>
    public const string Seller = "seller";

    /// <summary>The author bought the product whose support thread the post is in (read live, see <see cref="VerifiedBuyers"/>).</summary>
    public const string VerifiedBuyer = "verified buyer";
}

/// <summary>What a thread is about, when it belongs to something else (a product's support thread, for example).</summary>
public sealed record ThreadSubject(string Type, Guid Id);

/// <summary>
/// A thread. <see cref="LastSeq"/> hands out the per-thread sequence numbers of its posts; optimistic concurrency on
/// the thread makes two concurrent replies take two different numbers.
/// </summary>
public sealed class ForumThread
{
    public Guid Id { get; set; }
    public Guid CategoryId { get; set; }
    public string Title { get; set; } = "";
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public ThreadSubject? Subject { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastPostAt { get; set; }
    public long LastSeq { get; set; }
    public int PostCount { get; set; }
    public bool Pinned { get; set; }
    public bool Locked { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    /// <summary>Who may add to the thread (reply, edit a post, show that they are typing): anyone unless it is locked or its category read-only; moderators always.</summary>
    public bool IsOpenTo(ForumActor actor, ForumCategory category) => actor.IsModerator || (!Locked && !category.ReadOnly);
}

/// <summary>One post: its Markdown source and the sanitized HTML rendered from it, with the history of its edits.</summary>
public sealed class ForumPost
{
    public Guid Id { get; set; }
    public Guid ThreadId { get; set; }
    public long Seq { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public List<string> AuthorBadges { get; set; } = [];
    public string Body { get; set; } = "";
    public string Html { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public bool Hidden { get; set; }

    /// <summary>How many times the post was hidden: each hiding mails its author once, keyed by this count.</summary>
    public int TimesHidden { get; set; }
    public List<PostRevision> Revisions { get; set; } = [];
}

/// <summary>A post's earlier body, kept when it is edited.</summary>
public sealed record PostRevision(string Body, DateTimeOffset ReplacedAt);

/// <summary>One member's vote on one post (id: post and member), so a member has one vote per post and can change it.</summary>
public sealed class PostVote
{
    public string Id { get; set; } = "";
    public Guid PostId { get; set; }
    public Guid MemberId { get; set; }
    public int Value { get; set; }

    public static string IdOf(Guid postId, Guid memberId) => $"{postId:N}:{memberId:N}";
}

/// <summary>The forum's view of a member: moderation suspends posting here (reading stays open).</summary>
public sealed class ForumMember
{
    public Guid Id { get; set; }
    public DateTimeOffset? PostingSuspendedUntil { get; set; }

    public bool CanPost(DateTimeOffset now) => PostingSuspendedUntil is null || PostingSuspendedUntil <= now;
}
