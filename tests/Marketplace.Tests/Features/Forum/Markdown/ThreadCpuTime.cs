using System.Runtime.InteropServices;

namespace Marketplace.Tests.Features.Forum.Markdown;

/// <summary>
/// The processor time the calling thread has used (Linux's <c>getrusage(RUSAGE_THREAD)</c>). A budget in processor time
/// measures the work itself: unlike a stopwatch it does not grow while the thread waits for a core on a busy machine.
/// </summary>
public static class ThreadCpuTime
{
    private const int RusageThread = 1;

    /// <summary>How much processor time <paramref name="work"/> took on this thread (user and system).</summary>
    public static TimeSpan Of(Action work)
    {
        var before = Now();
        work();
        return Now() - before;
    }

    private static TimeSpan Now()
    {
        // struct rusage: ru_utime and ru_stime (each a timeval of two longs), then 14 longs this does not read.
        var usage = new long[18];
        if (getrusage(RusageThread, usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        return TimeSpan.FromSeconds(usage[0] + usage[2]) + TimeSpan.FromMicroseconds(usage[1] + usage[3]);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, [Out] long[] usage);
}
