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

    /// <summary>
    /// Requests that hash a password (sign-up, sign-in, resets), marked <see cref="ExpensiveWorkAttribute"/>: at most
    /// <c>RateLimits:ExpensiveWork:PermitLimit</c> (two per core) run at once across all clients, up to
    /// <c>QueueLimit</c> (sixteen per core) wait their turn, and the rest are told 503 with <c>Retry-After</c>, so a
    /// burst queues briefly instead of exhausting the cores and the database pool for everyone.
    /// </summary>
    public const string ExpensiveWork = "ExpensiveWork";

    private static readonly Dictionary<string, FixedWindowRateLimiterOptions> Defaults = new()
    {
        [Api] = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) },
        [Contact] = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) },
        [Auth] = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(5) },
    };

    public static void AddMarketplaceRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            foreach (var (name, defaults) in Defaults)
            {
                var limits = Configured(configuration.GetSection($"RateLimits:{name}"), defaults);
                var countsReads = name == Api;
                options.AddPolicy(name, context => countsReads || !IsRead(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => limits)
                    : RateLimitPartition.GetNoLimiter("reads"));
            }

            var expensive = new ConcurrencyLimiterOptions
            {
                PermitLimit = configuration.GetValue($"RateLimits:{ExpensiveWork}:PermitLimit", 2 * Environment.ProcessorCount),
                QueueLimit = configuration.GetValue($"RateLimits:{ExpensiveWork}:QueueLimit", 16 * Environment.ProcessorCount),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !IsRead(context.Request) && context.GetEndpoint()?.Metadata.GetMetadata<ExpensiveWorkAttribute>() is not null
                    ? RateLimitPartition.GetConcurrencyLimiter(ExpensiveWork, _ => expensive)
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = WriteRejectionAsync;
        });
    }

    /// <summary>Showing a sign-in or contact page is not an attempt: those policies count only what is sent.</summary>
    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

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

    /// <summary>
    /// A window limit that ran out is the client's doing: 429 until the window ends. A full queue of expensive work
    /// (no retry time: a concurrency limit) is the server being busy: 503, try again in a moment.
    /// </summary>
    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var windowed = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait);
        var seconds = SetRetryAfter(http, windowed ? wait : TimeSpan.FromSeconds(2));
        var status = windowed ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = windowed ? "Too many requests." : "Too busy right now.",
                Detail = windowed ? $"Try again in {seconds} seconds." : $"Many people are signing in or up at once. Try again in {seconds} seconds.",
            },
        });
    }
}

/// <summary>Marks an endpoint or page whose unsafe requests hash a password; see <see cref="RateLimiting.ExpensiveWork"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ExpensiveWorkAttribute : Attribute;
