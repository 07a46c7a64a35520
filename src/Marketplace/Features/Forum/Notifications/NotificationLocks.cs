using Marten;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// Transaction-scoped advisory locks, like the thread lock of <see cref="ThreadWriter"/>. Always taken in this order, so
/// no two transactions wait on each other: a post's lock, then members' digest locks in ascending order.
/// </summary>
public static class NotificationLocks
{
    /// <summary>Serialises the handling of one post's notifications: a second delivery waits, then finds them committed.</summary>
    public static string Post(Guid postId) => $"forum-notify:{postId:N}";

    /// <summary>Serialises creating a member's notifications with sending their digest.</summary>
    public static string Digest(Guid memberId) => $"forum-digest:{memberId:N}";

    /// <summary>Opens the session's transaction (if not yet open) and takes the locks until it commits or rolls back.</summary>
    public static async Task TakeAsync(IDocumentSession session, IEnumerable<string> keys, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        foreach (var key in keys)
        {
            await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))", ct, key);
        }
    }
}
