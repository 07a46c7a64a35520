using System.Diagnostics;

namespace Marketplace.Benchmarks.FanOut;

/// <summary>What a publisher reports for one message: its sequence number and, if it has one, its own stamp (UTC ticks).</summary>
public readonly record struct Published(long Seq, long? StampTicks);

/// <summary>
/// One measurement against a connected swarm: a warm-up (published, then delivered to every client, and not counted),
/// then the counted messages on a fixed schedule, a drain, and one latency per first receipt of each counted message
/// by each client.
/// </summary>
public sealed class FanOutRun(int rate, TimeSpan warmup, TimeSpan duration, TimeSpan drain)
{
    public int Counted => (int)(rate * duration.TotalSeconds);

    /// <summary>Publishing calls, from start to completion (a POST's round trip, or the hub's group send).</summary>
    public double[] PublishMilliseconds { get; private set; } = [];

    public async Task<(Latencies FromCreatedAt, Latencies? FromStamp)> RunAsync(
        string target, ClientSwarm swarm, Func<int, Task<Published>> publish)
    {
        // Warm-up on its own: a slow start (JIT, cold caches) must not leave a backlog for the counted messages.
        var warmupCount = (int)(rate * warmup.TotalSeconds);
        var warm = await PublishOnScheduleAsync(publish, 0, warmupCount);
        await swarm.DrainAsync([.. warm.Select(w => w.Message.Seq)], drain);

        var done = await PublishOnScheduleAsync(publish, warmupCount, Counted);
        PublishMilliseconds = [.. done.Select(d => d.Milliseconds)];
        var counted = done.Select(d => d.Message).ToDictionary(m => m.Seq);
        await swarm.DrainAsync(counted.Keys, drain);

        var fromCreatedAt = new List<double>();
        var fromStamp = new List<double>();
        long duplicates = 0;
        foreach (var client in swarm.Receipts)
        {
            foreach (var receipts in client.Where(r => counted.ContainsKey(r.Seq)).GroupBy(r => r.Seq))
            {
                var first = receipts.First();
                duplicates += receipts.Count() - 1;
                fromCreatedAt.Add(Milliseconds(first.ReceivedTicks - first.CreatedAtTicks));
                if (counted[first.Seq].StampTicks is { } stamp)
                {
                    fromStamp.Add(Milliseconds(first.ReceivedTicks - stamp));
                }
            }
        }

        var expected = (long)swarm.Count * counted.Count;
        var stamped = counted.Values.Any(m => m.StampTicks is not null);
        return (
            new Latencies(target, swarm.Count, "createdAt", [.. fromCreatedAt], expected, duplicates),
            stamped ? new Latencies(target, swarm.Count, "201 read", [.. fromStamp], expected, duplicates) : null);
    }

    /// <summary>Message <c>first + i</c> is started <c>i / rate</c> seconds in, without waiting for the ones before.</summary>
    private async Task<(Published Message, double Milliseconds)[]> PublishOnScheduleAsync(Func<int, Task<Published>> publish, int first, int count)
    {
        var calls = new Task<(Published, double)>[count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var index = first + i;
            calls[i] = Task.Run(() => TimeAsync(publish, index));
        }

        return await Task.WhenAll(calls);
    }

    private static async Task<(Published, double)> TimeAsync(Func<int, Task<Published>> publish, int i)
    {
        var started = Stopwatch.GetTimestamp();
        var message = await publish(i);
        return (message, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static double Milliseconds(long ticks) => ticks / (double)TimeSpan.TicksPerMillisecond;
}
