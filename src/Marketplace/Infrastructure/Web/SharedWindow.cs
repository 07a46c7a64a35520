using System.Threading.RateLimiting;

namespace Marketplace.Infrastructure.Web;

/// <summary>
/// The rate limiter middleware's view of one partition of a limiter the app owns: it holds no state, so the middleware
/// may drop it whenever it likes, and page forms that acquire from the same limiter draw on the same budget.
/// </summary>
public sealed class SharedWindow(PartitionedRateLimiter<string> windows, string key) : RateLimiter
{
    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => windows.GetStatistics(key);

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => windows.AttemptAcquire(key, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        windows.AcquireAsync(key, permitCount, cancellationToken);
}
