using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Marketplace.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Features.Forum;

/// <summary>
/// The <c>posting</c> rate limit, per member: accounts younger than a day get a few posts a minute, others more.
/// Limits come from <c>RateLimits:posting-new</c> and <c>RateLimits:posting</c>. API endpoints take it through the rate
/// limiter middleware (<c>RequireRateLimiting(Policy)</c>); the page forms ask <see cref="PostingLimiter"/> themselves,
/// so they can answer with the form and the typed text. Both draw on the same per-member budget.
/// </summary>
public static class PostingLimits
{
    public const string Policy = "posting";
    public static readonly TimeSpan NewAccountAge = TimeSpan.FromDays(1);

    public static void AddPostingLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider => new PostingLimiter(configuration, provider.GetRequiredService<TimeProvider>()));
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, context =>
        {
            var limiter = context.RequestServices.GetRequiredService<PostingLimiter>();
            return RateLimitPartition.Get(limiter.KeyOf(context), limiter.Partition);
        }));
    }

    public static bool IsNew(ClaimsPrincipal user, DateTimeOffset now) =>
        !long.TryParse(user.FindFirstValue(AccountClaimsFactory.MemberSinceClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var since) ||
        now - DateTimeOffset.FromUnixTimeSeconds(since) < NewAccountAge;
}

/// <summary>The per-member fixed windows of the <c>posting</c> limit, shared by the API's middleware and the page forms.</summary>
public sealed class PostingLimiter : IDisposable
{
    private const string NewSuffix = ":new";
    private readonly PartitionedRateLimiter<string> _windows;
    private readonly TimeProvider _clock;

    public PostingLimiter(IConfiguration configuration, TimeProvider clock)
    {
        _clock = clock;
        _windows = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
        {
            var isNew = key.EndsWith(NewSuffix, StringComparison.Ordinal);
            var section = configuration.GetSection(isNew ? "RateLimits:posting-new" : "RateLimits:posting");
            return new FixedWindowRateLimiterOptions
            {
                PermitLimit = section.GetValue("PermitLimit", isNew ? 3 : 30),
                Window = section.GetValue("Window", TimeSpan.FromMinutes(1)),
                QueueLimit = 0,
            };
        }));
    }

    /// <summary>The member (or, signed out, the address), and whether the account is new: the window and its limit.</summary>
    public string KeyOf(HttpContext context)
    {
        var member = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return PostingLimits.IsNew(context.User, _clock.GetUtcNow()) ? member + NewSuffix : member;
    }

    /// <summary>One post's permit; when it is not acquired, its <c>RetryAfter</c> metadata says for how long.</summary>
    public RateLimitLease Acquire(HttpContext context) => _windows.AttemptAcquire(KeyOf(context));

    /// <summary>The middleware's view of one member's window: it holds no state, so the middleware may drop it whenever it likes.</summary>
    public RateLimiter Partition(string key) => new SharedWindow(_windows, key);

    public void Dispose() => _windows.Dispose();

    private sealed class SharedWindow(PartitionedRateLimiter<string> windows, string key) : RateLimiter
    {
        public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

        public override RateLimiterStatistics? GetStatistics() => windows.GetStatistics(key);

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => windows.AttemptAcquire(key, permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            windows.AcquireAsync(key, permitCount, cancellationToken);
    }
}
