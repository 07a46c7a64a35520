using System.Collections.Concurrent;

namespace Marketplace.Features.Forum;

/// <summary>Who is reading which thread, on this node (with several nodes, each counts its own connections).</summary>
public sealed class ForumPresence
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, string>> _readers = new();

    public IReadOnlyList<string> Join(Guid threadId, string connectionId, string name)
    {
        var readers = _readers.GetOrAdd(threadId, _ => new());
        readers[connectionId] = name;
        return Names(readers);
    }

    public IReadOnlyList<string> Leave(Guid threadId, string connectionId)
    {
        if (!_readers.TryGetValue(threadId, out var readers))
        {
            return [];
        }

        readers.TryRemove(connectionId, out _);
        return Names(readers);
    }

    public IEnumerable<(Guid ThreadId, IReadOnlyList<string> Readers)> LeaveAll(string connectionId)
    {
        foreach (var (threadId, readers) in _readers)
        {
            if (readers.TryRemove(connectionId, out _))
            {
                yield return (threadId, Names(readers));
            }
        }
    }

    private static IReadOnlyList<string> Names(ConcurrentDictionary<string, string> readers) =>
        [.. readers.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
