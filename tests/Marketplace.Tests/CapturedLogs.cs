using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Marketplace.Tests;

/// <summary>
/// Every Serilog event a host writes (the app reads sinks from its container), for tests that check what the app
/// logs and at which level. Tests pick their own request's events by its correlation id (<see cref="ForRequestAsync"/>).
/// </summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Runs <paramref name="request"/> with a fresh correlation id and returns the events logged under it.</summary>
    public async Task<IReadOnlyList<LogEvent>> ForRequestAsync(Func<string, Task> request)
    {
        var correlationId = $"logs-{Guid.NewGuid():N}";
        await request(correlationId);
        return [.. _events.Where(e => e.Properties.TryGetValue("CorrelationId", out var value) && value is ScalarValue { Value: string id } && id == correlationId)];
    }
}
