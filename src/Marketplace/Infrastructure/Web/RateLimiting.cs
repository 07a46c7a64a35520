using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Infrastructure.Web;

/// <summary>Named rate-limit policies, partitioned per client address; limits come from <c>RateLimits:&lt;Policy&gt;</c>.</summary>
public static class RateLimiting
{
    /// <summary>Every API request, per client address.</summary>
    public const string Api = "api";

    /// <summary>Messages to the team from the contact form.</summary>
    public const string Contact = "contact";

    /// <summary>Sign-in, sign-up and password reset attempts (the pages' forms count; showing the pages does not).</summary>
    public const string Auth = "auth";

    /// <summary>Member look-ups by handle (the mention autocomplete), per client address.</summary>
    public const string MemberSearch = "member-search";

    private static readonly Dictionary<string, FixedWindowRateLimiterOptions> Defaults = new()
    {
        [Api] = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) },
        [MemberSearch] = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) },
        [Contact] = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) },
        [Auth] = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(5) },
    };

    public static void AddMarketplaceRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = Defaults.ToDictionary(policy => policy.Key, policy => Configured(configuration.GetSection($"RateLimits:{policy.Key}"), policy.Value));
        services.AddSingleton(new FormBudgets(limits.Where(policy => FormBudgets.Covers(policy.Key)).ToDictionary()));
        services.AddRateLimiter(options =>
        {
            var api = limits[Api];
            options.AddPolicy(Api, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => api));
            var memberSearch = limits[MemberSearch];
            options.AddPolicy(MemberSearch, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => memberSearch));
            foreach (var name in limits.Keys.Where(FormBudgets.Covers))
            {
                options.AddPolicy(name, context => IsRead(context.Request)
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : RateLimitPartition.Get(ClientKey(context), key => context.RequestServices.GetRequiredService<FormBudgets>().Partition(name, key)));
            }

            options.OnRejected = WriteRejectionAsync;
        });
    }

    /// <summary>A wait as people say it: "30 seconds", "1 minute", "2 minutes" (rounded up), "1 hour".</summary>
    public static string InWords(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return seconds switch
        {
            1 => "1 second",
            < 60 => $"{seconds} seconds",
            < 3600 => Plural((seconds + 59) / 60, "minute"),
            _ => Plural((seconds + 3599) / 3600, "hour"),
        };
    }

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";

    /// <summary>Showing a sign-in or contact page is not an attempt: those policies count only what is sent.</summary>
    public static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    public static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions Configured(IConfigurationSection section, FixedWindowRateLimiterOptions defaults) => new()
    {
        PermitLimit = section.GetValue("PermitLimit", defaults.PermitLimit),
        Window = section.GetValue("Window", defaults.Window),
        QueueLimit = 0,
    };

    /// <summary>Sets <c>Retry-After</c> in whole seconds (at least one) and returns them.</summary>
    public static int SetRetryAfter(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = SetRetryAfter(http, retryAfter);
        await ErrorResponses.WriteAsync(http, new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests.",
            Detail = $"Try again in {InWords(TimeSpan.FromSeconds(seconds))}.",
        });
    }
}
