using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Marketplace.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Features.Forum;

/// <summary>
/// The <c>posting</c> rate limit, per member: accounts younger than a day get a few posts a minute, others more.
/// Limits come from <c>RateLimits:posting-new</c> and <c>RateLimits:posting</c>.
/// </summary>
public static class PostingLimits
{
    public const string Policy = "posting";
    public static readonly TimeSpan NewAccountAge = TimeSpan.FromDays(1);

    public static void AddPostingLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, context =>
        {
            var member = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var isNew = IsNew(context.User, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
            var section = configuration.GetSection(isNew ? "RateLimits:posting-new" : "RateLimits:posting");
            return RateLimitPartition.GetFixedWindowLimiter($"{member}:{isNew}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = section.GetValue("PermitLimit", isNew ? 3 : 30),
                Window = section.GetValue("Window", TimeSpan.FromMinutes(1)),
                QueueLimit = 0,
            });
        }));

    private static bool IsNew(ClaimsPrincipal user, DateTimeOffset now) =>
        !long.TryParse(user.FindFirstValue(AccountClaimsFactory.MemberSinceClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var since) ||
        now - DateTimeOffset.FromUnixTimeSeconds(since) < NewAccountAge;
}
