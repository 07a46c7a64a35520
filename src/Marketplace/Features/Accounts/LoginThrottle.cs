using System.Threading.RateLimiting;

namespace Marketplace.Features.Accounts;

/// <summary>
/// Sign-in attempts per account (the <c>auth</c> rate-limit policy covers attempts per client address). Known and
/// unknown emails are throttled alike, so the limit reveals nothing about which accounts exist.
/// </summary>
public sealed class LoginThrottle(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("RateLimits:login-account:PermitLimit", 10),
            Window = configuration.GetValue("RateLimits:login-account:Window", TimeSpan.FromMinutes(15)),
            QueueLimit = 0,
        }));

    /// <summary>Null when the attempt may go ahead, else how long to wait.</summary>
    public TimeSpan? TryAttempt(string email)
    {
        using var lease = _limiter.AttemptAcquire(email.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
