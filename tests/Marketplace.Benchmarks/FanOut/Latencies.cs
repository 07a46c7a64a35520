using System.Globalization;

namespace Marketplace.Benchmarks.FanOut;

/// <summary>One latency distribution (milliseconds) with what was delivered against what was expected.</summary>
public sealed record Latencies(string Target, int Clients, string From, double[] Milliseconds, long Expected, long Duplicates)
{
    public long Delivered => Milliseconds.LongLength;

    public double Percentile(double p) => NearestRank([.. Milliseconds.Order()], p);

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0 to 100) of samples sorted in ascending order.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string TableHeader =>
        "| target | clients | measured from | p50 (ms) | p99 (ms) | max (ms) | delivered / expected | duplicates |\n" +
        "|---|---:|---|---:|---:|---:|---:|---:|";

    public string TableRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Target} | {Clients:N0} | {From} | {Percentile(50):F1} | {Percentile(99):F1} | {Percentile(100):F1} | " +
        $"{Delivered:N0} / {Expected:N0} | {Duplicates:N0} |");
}
