using System.Globalization;
using Marketplace.Benchmarks.FanOut;

namespace Marketplace.Benchmarks.Intake;

/// <summary>One measured pass: which server, which events, how many in flight, in which repetition, and what it saw.</summary>
public sealed record IntakeSample(string Target, string Type, int InFlight, int Repetition, LoadResult Result, CpuUse Cpu)
{
    public double P50 => Latencies.NearestRank(Sorted, 50);
    public double P99 => Latencies.NearestRank(Sorted, 99);
    public double ServerCpuMs => Cpu.Server * 1000 / Result.Acknowledged;
    public double PostgresCpuMs => Cpu.Postgres * 1000 / Result.Acknowledged;
    private double[] Sorted => field ??= [.. Result.AckMilliseconds.Order()];
}

/// <summary>The results table: per event type and number in flight, the median and range over repetitions of each side, and their ratios.</summary>
public static class IntakeReport
{
    public const string App = "app";
    public const string Peer = "peer";

    public static void Print(IReadOnlyList<IntakeSample> samples)
    {
        Console.WriteLine("| events | in flight | side | acked/s | p50 ack (ms) | p99 ack (ms) | failed | server CPU ms/event | PostgreSQL CPU ms/event | other work (cores) |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => (s.Type, s.InFlight)))
        {
            foreach (var side in new[] { Peer, App })
            {
                var rows = group.Where(s => s.Target == side).ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key.Type} | {group.Key.InFlight} | {side} | {Spread(rows, s => s.Result.PerSecond, "F0")} | " +
                    $"{Spread(rows, s => s.P50, "F1")} | {Spread(rows, s => s.P99, "F1")} | {rows.Sum(s => s.Result.Failed)} | " +
                    $"{Spread(rows, s => s.ServerCpuMs, "F2")} | {Spread(rows, s => s.PostgresCpuMs, "F2")} | {Spread(rows, s => s.Cpu.OtherCores, "F2")} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| events | in flight | app/peer acked/s (goal ≥ 0.90) | app/peer p99 (goal ≤ 1.50) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => (s.Type, s.InFlight)))
        {
            var pairs = group.GroupBy(s => s.Repetition)
                .Select(r => (App: r.Single(s => s.Target == App), Peer: r.Single(s => s.Target == Peer))).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key.Type} | {group.Key.InFlight} | " +
                $"{Spread(pairs, p => p.App.Result.PerSecond / p.Peer.Result.PerSecond, "F2")} | {Spread(pairs, p => p.App.P99 / p.Peer.P99, "F2")} |"));
        }
    }

    /// <summary>"median [min–max]" of <paramref name="value"/> over <paramref name="items"/>; just the value for one item.</summary>
    public static string Spread<T>(IEnumerable<T> items, Func<T, double> value, string format)
    {
        double[] sorted = [.. items.Select(value).Order()];
        if (sorted.Length == 0)
        {
            return "–";
        }

        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var text = median.ToString(format, CultureInfo.InvariantCulture);
        return sorted.Length == 1 ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text} [{sorted[0].ToString(format, CultureInfo.InvariantCulture)}–{sorted[^1].ToString(format, CultureInfo.InvariantCulture)}]");
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
}
