namespace Marketplace.Features.Forum.Presence;

/// <summary>Who is reading which thread through this node's connections.</summary>
public sealed class ForumPresence : IPresenceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Dictionary<string, PresenceReader>> _readers = [];

    public void Join(Guid threadId, string connectionId, PresenceReader reader)
    {
        lock (_gate)
        {
            if (!_readers.TryGetValue(threadId, out var readers))
            {
                _readers[threadId] = readers = new(StringComparer.Ordinal);
            }

            readers[connectionId] = reader;
        }
    }

    /// <summary>Who the connection read the thread as; null when it was not reading it.</summary>
    public PresenceReader? Leave(Guid threadId, string connectionId)
    {
        lock (_gate)
        {
            return LeaveLocked(threadId, connectionId);
        }
    }

    public IReadOnlyList<(Guid ThreadId, PresenceReader Reader)> LeaveAll(string connectionId)
    {
        lock (_gate)
        {
            return [.. _readers.Keys.ToList()
                .Select(threadId => (ThreadId: threadId, Reader: LeaveLocked(threadId, connectionId)))
                .Where(left => left.Reader is not null)
                .Select(left => (left.ThreadId, left.Reader!))];
        }
    }

    public PresenceView Readers(Guid threadId)
    {
        lock (_gate)
        {
            return PresenceView.Of(_readers.TryGetValue(threadId, out var readers) ? readers.Values : []);
        }
    }

    /// <summary>Every (thread, connection, reader) on this node, for <see cref="RedisPresence"/>'s heartbeat.</summary>
    public IReadOnlyList<(Guid ThreadId, string ConnectionId, PresenceReader Reader)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _readers.SelectMany(thread => thread.Value.Select(reader => (thread.Key, reader.Key, reader.Value)))];
        }
    }

    Task IPresenceStore.JoinAsync(Guid threadId, string connectionId, PresenceReader reader)
    {
        Join(threadId, connectionId, reader);
        return Task.CompletedTask;
    }

    Task<bool> IPresenceStore.LeaveAsync(Guid threadId, string connectionId) => Task.FromResult(Leave(threadId, connectionId) is not null);

    Task<IReadOnlyList<Guid>> IPresenceStore.LeaveAllAsync(string connectionId) =>
        Task.FromResult<IReadOnlyList<Guid>>([.. LeaveAll(connectionId).Select(left => left.ThreadId)]);

    Task<PresenceView> IPresenceStore.ReadersAsync(Guid threadId) => Task.FromResult(Readers(threadId));

    private PresenceReader? LeaveLocked(Guid threadId, string connectionId)
    {
        if (!_readers.TryGetValue(threadId, out var readers) || !readers.Remove(connectionId, out var reader))
        {
            return null;
        }

        if (readers.Count == 0)
        {
            _readers.Remove(threadId); // no empty entry per thread ever read
        }

        return reader;
    }
}
