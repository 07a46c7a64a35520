using System.Threading.RateLimiting;

namespace Marketplace.Infrastructure.Web;

/// <summary>
/// The per-address windows of the policies that people meet on forms (<c>auth</c>, <c>contact</c>). The API's rate
/// limiter middleware and the pages' <c>LimitedFormAttribute</c> acquire from the same windows, so a page can answer a
/// refusal with itself while both count against one budget.
/// </summary>
public sealed class FormBudgets : IDisposable
{
    private readonly Dictionary<string, PartitionedRateLimiter<string>> _policies;

    public FormBudgets(IReadOnlyDictionary<string, FixedWindowRateLimiterOptions> limits) =>
        _policies = limits.ToDictionary(
            policy => policy.Key,
            policy => PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => policy.Value)));

    public static bool Covers(string policy) => policy is RateLimiting.Auth or RateLimiting.Contact;

    /// <summary>One attempt's permit from the caller's window; when refused, its <c>RetryAfter</c> metadata says for how long.</summary>
    public RateLimitLease Acquire(string policy, HttpContext context) => _policies[policy].AttemptAcquire(RateLimiting.ClientKey(context));

    public RateLimiter Partition(string policy, string key) => new SharedWindow(_policies[policy], key);

    public void Dispose()
    {
        foreach (var limiter in _policies.Values)
        {
            limiter.Dispose();
        }
    }
}
