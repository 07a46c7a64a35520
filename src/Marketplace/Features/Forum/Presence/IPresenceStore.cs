namespace Marketplace.Features.Forum.Presence;

/// <summary>
/// Who is reading which thread. <see cref="ForumPresence"/> (this node's memory) on a single node; with
/// <c>ConnectionStrings:Redis</c>, <see cref="RedisPresence"/>, so that every node counts every node's readers.
/// </summary>
public interface IPresenceStore
{
    Task JoinAsync(Guid threadId, string connectionId, PresenceReader reader);

    /// <summary>False when the connection was not reading the thread.</summary>
    Task<bool> LeaveAsync(Guid threadId, string connectionId);

    /// <summary>Removes the connection from every thread it was reading; returns those threads.</summary>
    Task<IReadOnlyList<Guid>> LeaveAllAsync(string connectionId);

    Task<PresenceView> ReadersAsync(Guid threadId);
}
