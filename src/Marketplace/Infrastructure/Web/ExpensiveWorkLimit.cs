using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Infrastructure.Web;

/// <summary>Marks an endpoint or page whose unsafe requests hash a password; see <see cref="ExpensiveWorkLimit"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ExpensiveWorkAttribute : Attribute;

/// <summary>
/// Requests that hash a password (sign-up, sign-in, resets, account changes; marked <see cref="ExpensiveWorkAttribute"/>):
/// at most <c>RateLimits:ExpensiveWork:PermitLimit</c> (two per core) run at once across all clients, up to
/// <c>QueueLimit</c> (sixteen per core) wait their turn, and the rest are told 503 with <c>Retry-After</c>: a burst
/// queues briefly instead of exhausting the cores and the database pool for everyone. Runs after the per-address
/// limits, so one address's flood is refused (429) before it can take the queue; other requests pass untouched.
/// </summary>
public sealed class ExpensiveWorkLimit(RequestDelegate next, IConfiguration configuration) : IDisposable
{
    public const string Section = "RateLimits:ExpensiveWork";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = configuration.GetValue($"{Section}:PermitLimit", 2 * Environment.ProcessorCount),
        QueueLimit = configuration.GetValue($"{Section}:QueueLimit", 16 * Environment.ProcessorCount),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public Task InvokeAsync(HttpContext context) =>
        RateLimiting.IsRead(context.Request) || context.GetEndpoint()?.Metadata.GetMetadata<ExpensiveWorkAttribute>() is null
            ? next(context)
            : LimitAsync(context);

    private async Task LimitAsync(HttpContext context)
    {
        using var lease = await _limiter.AcquireAsync(1, context.RequestAborted);
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }

        var seconds = RateLimiting.SetRetryAfter(context, RetryAfter);
        await ErrorResponses.WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Too busy right now.",
            Detail = $"Many people are signing in or up at once. Try again in {seconds} seconds.",
        });
    }

    public void Dispose() => _limiter.Dispose();
}
