using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Marketplace.Tests;

/// <summary>Every Serilog event the host writes, kept for tests that check what the app logs (and at which level).</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The events written while <paramref name="work"/> ran.</summary>
    public async Task<IReadOnlyList<LogEvent>> DuringAsync(Func<Task> work)
    {
        var before = _events.Count;
        await work();
        return [.. _events.Skip(before)];
    }
}
