using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Marketplace.Benchmarks;

/// <summary>
/// The servers a benchmark started, stopped gracefully when the benchmark itself is stopped (SIGTERM from
/// <c>timeout</c>, SIGINT, SIGHUP) instead of left running: an interrupted <c>Main</c> never reaches its
/// <c>await using</c> disposals, and an orphaned app would keep its embedded PostgreSQL and a core busy.
/// </summary>
public static class ChildProcesses
{
    private static readonly ConcurrentDictionary<IAsyncDisposable, byte> Running = new();
    private static readonly PosixSignalRegistration[] Registrations =
        [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP }.Select(signal => PosixSignalRegistration.Create(signal, StopAll))];

    public static T Track<T>(T child) where T : IAsyncDisposable
    {
        _ = Registrations.Length; // the handlers are registered with the first child
        Running[child] = 0;
        return child;
    }

    public static void Forget(IAsyncDisposable child) => Running.TryRemove(child, out _);

    private static void StopAll(PosixSignalContext context)
    {
        Console.Error.WriteLine($"// {context.Signal}: stopping {Running.Count} server(s) started by this benchmark");
        Task.WhenAll(Running.Keys.Select(child => child.DisposeAsync().AsTask())).Wait(TimeSpan.FromSeconds(60));
    }
}
