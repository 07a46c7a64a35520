using System.Collections.Concurrent;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Accounts;

/// <summary>
/// Failed sign-ins per account and client address: after <c>RateLimits:login-account:PermitLimit</c> failures (10)
/// within <c>Window</c> (15 min) that address may not try that account again until the window ends. Only failures
/// count, and only the address that failed is held back, so nobody can keep an account's owner out from elsewhere.
/// While an account is locked (<see cref="SignInCheck"/>), an address that failed on it gets no more tries and any
/// other address one. Known and unknown emails are throttled alike. Kept per node, in memory; the <c>auth</c>
/// rate-limit policy bounds each address across accounts.
/// </summary>
public sealed class LoginThrottle(IConfiguration configuration, TimeProvider clock)
{
    private const int EntriesBeforePruning = 50_000;
    private readonly ConcurrentDictionary<(string Account, string Address), Failures> _failures = new();

    private sealed record Failures(int Count, DateTimeOffset WindowEnds);

    private int Limit => configuration.GetValue("RateLimits:login-account:PermitLimit", 10);

    private TimeSpan Window => configuration.GetValue("RateLimits:login-account:Window", TimeSpan.FromMinutes(15));

    /// <summary>Null when this address may try this account, else how long it must wait.</summary>
    public TimeSpan? TryAttempt(string email, HttpContext http) =>
        Current(Key(email, http)) is { } failures && failures.Count >= Limit ? failures.WindowEnds - clock.GetUtcNow() : null;

    /// <summary>Whether this address failed on this account within the window.</summary>
    public bool HasFailed(string email, HttpContext http) => Current(Key(email, http)) is { Count: > 0 };

    public void RecordFailure(string email, HttpContext http)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(Key(email, http), _ => new Failures(1, now + Window),
            (_, failures) => failures.WindowEnds <= now ? new Failures(1, now + Window) : failures with { Count = failures.Count + 1 });
        if (_failures.Count > EntriesBeforePruning)
        {
            foreach (var expired in _failures.Where(entry => entry.Value.WindowEnds <= now).Select(entry => entry.Key).ToList())
            {
                _failures.TryRemove(expired, out _);
            }
        }
    }

    private Failures? Current((string, string) key) =>
        _failures.TryGetValue(key, out var failures) && failures.WindowEnds > clock.GetUtcNow() ? failures : null;

    private static (string, string) Key(string email, HttpContext http) => (email.Trim().ToUpperInvariant(), RateLimiting.ClientKey(http));
}
