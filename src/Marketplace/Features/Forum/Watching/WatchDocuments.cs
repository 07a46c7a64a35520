namespace Marketplace.Features.Forum.Watching;

/// <summary>A member's level on one thread (id: member and thread), chosen or set by posting (<see cref="PostingDefaults"/>).</summary>
public sealed class ThreadWatch
{
    public string Id { get; set; } = "";
    public Guid MemberId { get; set; }
    public Guid ThreadId { get; set; }
    public WatchLevel Level { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string IdOf(Guid memberId, Guid threadId) => $"{memberId:N}:{threadId:N}";
}

/// <summary>A member's level on one category (id: member and category); its threads inherit it.</summary>
public sealed class CategoryWatch
{
    public string Id { get; set; } = "";
    public Guid MemberId { get; set; }
    public Guid CategoryId { get; set; }
    public WatchLevel Level { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string IdOf(Guid memberId, Guid categoryId) => $"{memberId:N}:{categoryId:N}";
}

/// <summary>
/// The highest sequence number a member has seen in a thread (id: member and thread), moved forward when they open the
/// thread page, join it over the hub or post in it. Unread counts of tracked threads are measured from it.
/// </summary>
public sealed class ThreadReadMark
{
    public string Id { get; set; } = "";
    public Guid MemberId { get; set; }
    public Guid ThreadId { get; set; }
    public long LastReadSeq { get; set; }

    public static string IdOf(Guid memberId, Guid threadId) => $"{memberId:N}:{threadId:N}";
}
