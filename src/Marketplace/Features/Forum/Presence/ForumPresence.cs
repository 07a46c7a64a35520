namespace Marketplace.Features.Forum.Presence;

/// <summary>Who is reading which thread, on this node (with several nodes, each counts its own connections).</summary>
public sealed class ForumPresence
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

    public bool Leave(Guid threadId, string connectionId)
    {
        lock (_gate)
        {
            return LeaveLocked(threadId, connectionId);
        }
    }

    /// <summary>Removes the connection from every thread it was reading; returns those threads.</summary>
    public IReadOnlyList<Guid> LeaveAll(string connectionId)
    {
        lock (_gate)
        {
            return [.. _readers.Keys.ToList().Where(threadId => LeaveLocked(threadId, connectionId))];
        }
    }

    /// <summary>The distinct names of the thread's readers, in order.</summary>
    public IReadOnlyList<string> Readers(Guid threadId)
    {
        lock (_gate)
        {
            return _readers.TryGetValue(threadId, out var readers)
                ? [.. readers.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
                : [];
        }
    }

    private bool LeaveLocked(Guid threadId, string connectionId)
    {
        if (!_readers.TryGetValue(threadId, out var readers) || !readers.Remove(connectionId))
        {
            return false;
        }

        if (readers.Count == 0)
        {
            _readers.Remove(threadId); // no empty entry per thread ever read
        }

        return true;
    }
}
