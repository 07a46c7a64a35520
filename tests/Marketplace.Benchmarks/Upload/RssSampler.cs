using System.Diagnostics;
using System.Globalization;

namespace Marketplace.Benchmarks.Upload;

/// <summary>One reading of a process's resident set (VmRSS), in bytes, at a <see cref="Stopwatch.GetTimestamp"/>.</summary>
public readonly record struct RssSample(long Timestamp, long Bytes);

/// <summary>
/// Reads a process's resident set size from <c>/proc/&lt;pid&gt;/status</c> (VmRSS) on a thread of its own every
/// <c>interval</c> (20 ms), so that a busy thread pool in this process cannot delay the readings.
/// </summary>
public sealed class RssSampler : IDisposable
{
    private readonly int _pid;
    private readonly TimeSpan _interval;
    private readonly List<RssSample> _samples = [];
    private readonly Stopwatch _clock = new();
    private readonly Thread _thread;
    private volatile bool _stopping;

    public RssSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _interval = interval;
        _thread = new Thread(Run) { IsBackground = true, Name = $"RSS of {pid}" };
    }

    public void Start()
    {
        _clock.Start();
        _thread.Start();
    }

    /// <summary>Stops sampling; answers every sample taken.</summary>
    public IReadOnlyList<RssSample> Stop()
    {
        _stopping = true;
        _thread.Join();
        return _samples;
    }

    public void Dispose()
    {
        if (_thread.IsAlive)
        {
            Stop();
        }
    }

    /// <summary>VmRSS of <paramref name="pid"/> in bytes (the kernel reports kB).</summary>
    public static long Read(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private void Run()
    {
        var next = TimeSpan.Zero;
        while (!_stopping)
        {
            _samples.Add(new RssSample(Stopwatch.GetTimestamp(), Read(_pid)));
            next += _interval;
            var wait = next - _clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }
        }
    }
}
