namespace Marketplace.Features.Forum.Presence;

/// <summary>Who is reading which thread through this node's connections.</summary>
public sealed class ForumPresence : IPresenceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Dictionary<string, string>> _readers = [];

    public void Join(Guid threadId, string connectionId, string name)
    {
        lock (_gate)
        {
            if (!_readers.TryGetValue(threadId, out var readers))
            {
                _readers[threadId] = readers = new(StringComparer.Ordinal);
            }

            readers[connectionId] = name;
        }
    }

    /// <summary>The name the connection read the thread under; null when it was not reading it.</summary>
    public string? Leave(Guid threadId, string connectionId)
    {
        lock (_gate)
        {
            return LeaveLocked(threadId, connectionId);
        }
    }

    public IReadOnlyList<(Guid ThreadId, string Name)> LeaveAll(string connectionId)
    {
        lock (_gate)
        {
            return [.. _readers.Keys.ToList()
                .Select(threadId => (ThreadId: threadId, Name: LeaveLocked(threadId, connectionId)))
                .Where(left => left.Name is not null)
                .Select(left => (left.ThreadId, left.Name!))];
        }
    }

    public IReadOnlyList<string> Readers(Guid threadId)
    {
        lock (_gate)
        {
            return _readers.TryGetValue(threadId, out var readers) ? [.. readers.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : [];
        }
    }

    /// <summary>Every (thread, connection, name) on this node, for <see cref="RedisPresence"/>'s heartbeat.</summary>
    public IReadOnlyList<(Guid ThreadId, string ConnectionId, string Name)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _readers.SelectMany(thread => thread.Value.Select(reader => (thread.Key, reader.Key, reader.Value)))];
        }
    }

    Task IPresenceStore.JoinAsync(Guid threadId, string connectionId, string name)
    {
        Join(threadId, connectionId, name);
        return Task.CompletedTask;
    }

    Task<bool> IPresenceStore.LeaveAsync(Guid threadId, string connectionId) => Task.FromResult(Leave(threadId, connectionId) is not null);

    Task<IReadOnlyList<Guid>> IPresenceStore.LeaveAllAsync(string connectionId) =>
        Task.FromResult<IReadOnlyList<Guid>>([.. LeaveAll(connectionId).Select(left => left.ThreadId)]);

    Task<IReadOnlyList<string>> IPresenceStore.ReadersAsync(Guid threadId) => Task.FromResult(Readers(threadId));

    private string? LeaveLocked(Guid threadId, string connectionId)
    {
        if (!_readers.TryGetValue(threadId, out var readers) || !readers.Remove(connectionId, out var name))
        {
            return null;
        }

        if (readers.Count == 0)
        {
            _readers.Remove(threadId); // no empty entry per thread ever read
        }

        return name;
    }
}
