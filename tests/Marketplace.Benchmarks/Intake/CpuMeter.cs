using System.Globalization;

namespace Marketplace.Benchmarks.Intake;

/// <summary>CPU seconds spent during a pass by the server under test, by PostgreSQL, by this harness, and by the whole machine.</summary>
public sealed record CpuUse(double Server, double Postgres, double Harness, double Machine, double Seconds)
{
    /// <summary>Cores' worth of CPU that none of the three used: other work on the machine (other engineers' builds and tests).</summary>
    public double OtherCores => Math.Max(0, Machine - Server - Postgres - Harness) / Seconds;

    public string PerEvent(int events) => string.Create(CultureInfo.InvariantCulture,
        $"CPU per event: server {Server * 1000 / events:F2} ms, PostgreSQL {Postgres * 1000 / events:F2} ms, harness {Harness * 1000 / events:F2} ms; " +
        $"other work {OtherCores:F2} cores");
}

/// <summary>
/// Reads CPU time from /proc: a process's own (utime + stime), PostgreSQL's as its postmaster's with its reaped
/// children (cutime + cstime) plus its live children (backends, checkpointer, WAL writer), and the machine's busy time.
/// </summary>
public sealed class CpuMeter(int postmasterPid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux x86-64

    public static CpuMeter OfCluster(string dataDirectory) =>
        new(int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture));

    public async Task<(T Result, CpuUse Cpu)> MeasureAsync<T>(int serverPid, Func<Task<T>> pass)
    {
        var before = Read(serverPid);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await pass();
        var seconds = clock.Elapsed.TotalSeconds;
        var after = Read(serverPid);
        return (result, new CpuUse(after.Server - before.Server, after.Postgres - before.Postgres, after.Harness - before.Harness,
            after.Machine - before.Machine, seconds));
    }

    /// <summary>
    /// CPU ticks of each tiered-compilation thread of <paramref name="pid"/>, by thread id. While that thread works,
    /// methods are still being recompiled (instrumented, then optimized): the process is not warm yet. The runtime
    /// ends the thread when it has been idle a while and starts another for new work, so compare by thread.
    /// </summary>
    public static Dictionary<int, long> TieringTicks(int pid)
    {
        var ticks = new Dictionary<int, long>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal) &&
                    Stat(task) is { } stat)
                {
                    ticks[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = stat[11] + stat[12];
                }
            }
            catch (IOException)
            {
                // the thread ended: it is idle
            }
        }

        return ticks;
    }

    /// <summary>Seconds of tiered compilation between two readings of <see cref="TieringTicks"/>; a thread started meanwhile counts all its time.</summary>
    public static double TieringSeconds(Dictionary<int, long> before, Dictionary<int, long> after) =>
        after.Sum(thread => thread.Value - before.GetValueOrDefault(thread.Key)) / TicksPerSecond;

    private (double Server, double Postgres, double Harness, double Machine) Read(int serverPid)
    {
        var postgres = Ticks(postmasterPid, withChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmasterPid && Stat(dir) is { } stat && stat[1] == postmasterPid)
            {
                postgres += stat[11] + stat[12];
            }
        }

        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9]
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var busy = machine.Sum() - machine[3] - machine[4]; // all but idle and iowait
        return (Ticks(serverPid, withChildren: false) / TicksPerSecond, postgres / TicksPerSecond,
            System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, busy / TicksPerSecond);
    }

    private static long Ticks(int pid, bool withChildren) => Stat($"/proc/{pid}") is { } stat
        ? stat[11] + stat[12] + (withChildren ? stat[13] + stat[14] : 0)
        : 0;

    /// <summary>The numeric fields of <c>stat</c> after the command name: [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static long[]? Stat(string procDirectory)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(procDirectory, "stat"));
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return [.. fields.Take(15).Select(f => long.TryParse(f, CultureInfo.InvariantCulture, out var n) ? n : 0)];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
