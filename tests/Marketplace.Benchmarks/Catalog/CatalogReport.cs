using System.Globalization;
using Marketplace.Benchmarks.Intake;

namespace Marketplace.Benchmarks.Catalog;

/// <summary>One measured pass: which server, which endpoint, how many in flight (0: the open loop at <see cref="OfferedRate"/>), in which repetition, and what it saw.</summary>
public sealed record CatalogSample(string Side, string Endpoint, int InFlight, int Repetition, LoadPass Pass, CpuUse Cpu, double OfferedRate = 0, double PeakFraction = 0)
{
    public double ServerMicroseconds => Cpu.Server * 1e6 / Pass.Answered;
    public double PostgresMicroseconds => Cpu.Postgres * 1e6 / Pass.Answered;
    public double HarnessMicroseconds => Cpu.Harness * 1e6 / Pass.Answered;

    public string Line(string load) => string.Create(CultureInfo.InvariantCulture,
        $"// {Side,-4} {Endpoint,-7} {(InFlight > 0 ? $"{InFlight,3} in flight" : "open loop")}: {Pass.Answered} answered in {Pass.Seconds:F1} s, " +
        $"{Pass.PerSecond:F0}/s, p50 {Pass.Percentile(50):F2} ms, p99 {Pass.Percentile(99):F2} ms, {Pass.Failed} failed, " +
        $"{Pass.Bytes / Math.Max(1, Pass.Answered)} B/answer; CPU µs/request: server {ServerMicroseconds:F0}, PostgreSQL {PostgresMicroseconds:F0}, " +
        $"harness {HarnessMicroseconds:F0}; other work {Cpu.OtherCores:F2} cores; load average {load}");
}

/// <summary>The tables of a catalog run: closed-loop passes per endpoint and load, their app/peer ratios, and the open loop.</summary>
public static class CatalogReport
{
    public const string App = "app";
    public const string Peer = "peer";
    public const string Product = "product";
    public const string Search = "search";

    public static void Print(IReadOnlyList<CatalogSample> samples)
    {
        var closed = samples.Where(s => s.InFlight > 0).ToArray();
        Console.WriteLine("| endpoint | in flight | side | requests/s | p50 (ms) | p99 (ms) | failed | server CPU µs/req | PostgreSQL CPU µs/req | harness CPU µs/req | other work (cores) |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in closed.GroupBy(s => (s.Endpoint, s.InFlight)))
        {
            foreach (var side in new[] { Peer, App })
            {
                var rows = group.Where(s => s.Side == side).ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key.Endpoint} | {group.Key.InFlight} | {side} | " +
                    $"{Spread(rows, s => s.Pass.PerSecond, "F0")} | {Spread(rows, s => s.Pass.Percentile(50), "F2")} | {Spread(rows, s => s.Pass.Percentile(99), "F2")} | " +
                    $"{rows.Sum(s => s.Pass.Failed)} | {Spread(rows, s => s.ServerMicroseconds, "F0")} | {Spread(rows, s => s.PostgresMicroseconds, "F0")} | " +
                    $"{Spread(rows, s => s.HarnessMicroseconds, "F0")} | {Spread(rows, s => s.Cpu.OtherCores, "F2")} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| endpoint | in flight | app/peer requests/s (goal) | app/peer p99 | app/peer server CPU per request |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var group in closed.GroupBy(s => (s.Endpoint, s.InFlight)))
        {
            var pairs = group.GroupBy(s => s.Repetition)
                .Select(r => (App: r.Single(s => s.Side == App), Peer: r.Single(s => s.Side == Peer))).ToArray();
            var goal = group.Key.Endpoint == Product ? "≥ 1.00" : "≥ 0.90";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key.Endpoint} | {group.Key.InFlight} | " +
                $"{Spread(pairs, p => p.App.Pass.PerSecond / p.Peer.Pass.PerSecond, "F2")} ({goal}) | {Spread(pairs, p => p.App.Pass.Percentile(99) / p.Peer.Pass.Percentile(99), "F2")} | " +
                $"{Spread(pairs, p => p.App.ServerMicroseconds / p.Peer.ServerMicroseconds, "F2")} |"));
        }

        var open = samples.Where(s => s.InFlight == 0).ToArray();
        if (open.Length == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("| endpoint | side | of the app's peak | offered/s | answered/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | failed | server CPU µs/req | send lag p50 / p99 (ms) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in open)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Endpoint} | {s.Side} | {s.PeakFraction:P0} | {s.OfferedRate:F0} | " +
                $"{s.Pass.PerSecond:F0} | {s.Pass.Percentile(50):F2} | {s.Pass.Percentile(90):F2} | {s.Pass.Percentile(99):F2} | {s.Pass.Percentile(100):F2} | " +
                $"{s.Pass.Failed} | {s.ServerMicroseconds:F0} | {Lag(s, 50):F2} / {Lag(s, 99):F2} |"));
        }
    }

    private static double Lag(CatalogSample sample, double percentile) =>
        FanOut.Latencies.NearestRank([.. (sample.Pass.SendLags ?? []).Order()], percentile);

    private static string Spread<T>(IEnumerable<T> items, Func<T, double> value, string format) => IntakeReport.Spread(items, value, format);
}
