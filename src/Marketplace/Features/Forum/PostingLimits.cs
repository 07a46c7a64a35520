using System.Security.Claims;
using System.Threading.RateLimiting;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>
/// The <c>posting</c> rate limit, per member, as a token bucket: a burst for a live conversation, then a steady pace.
/// New members (trust level 0, see <see cref="Moderation.Trust.TrustOptions"/>) get 6 posts at once and one more every
/// 20 seconds (a flood stops after 6); others, and staff, 30 and one every 2 seconds. <c>RateLimits:posting-new</c> and
/// <c>RateLimits:posting</c> set <c>PermitLimit</c> (the burst) and <c>ReplenishmentPeriod</c> (the time per post). The API's posting routes and the page forms draw on the
/// same per-member bucket, and both check what was typed first: an empty post is told it is empty and costs nothing.
/// </summary>
public static class PostingLimits
{
    public const string Policy = "posting";

    public static void AddPostingLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(_ => new PostingLimiter(configuration));

    /// <summary>Counts a post against the member's bucket after the request's validation (add it after <c>Validate</c>).</summary>
    public static RouteHandlerBuilder LimitPosting(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            using var permit = await http.RequestServices.GetRequiredService<PostingLimiter>().AcquireAsync(http);
            if (permit.IsAcquired)
            {
                return await next(context);
            }

            var wait = permit.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(20);
            var seconds = RateLimiting.SetRetryAfter(http, wait);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests, type: ProblemTypes.TooManyRequests,
                title: "You are posting faster than the forum allows for now.",
                detail: $"Try again in {RateLimiting.InWords(TimeSpan.FromSeconds(seconds))}.");
        }).ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Whether the caller posts at the newcomer's pace: signed out, or a member still at trust level 0 who is not staff.</summary>
    public static async Task<bool> IsNewAsync(HttpContext http) =>
        ForumActor.Of(http.User) is not { } actor
        || await NewMemberRules.IsNewAsync(http.RequestServices.GetRequiredService<IQuerySession>(), actor, http.RequestAborted);
}

/// <summary>The per-member token buckets of the <c>posting</c> limit, shared by the API's filter and the page forms.</summary>
public sealed class PostingLimiter : IDisposable
{
    private const string NewSuffix = ":new";
    private readonly PartitionedRateLimiter<string> _buckets;

    public PostingLimiter(IConfiguration configuration)
    {
        _buckets = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ =>
        {
            var isNew = key.EndsWith(NewSuffix, StringComparison.Ordinal);
            var section = configuration.GetSection(isNew ? "RateLimits:posting-new" : "RateLimits:posting");
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = section.GetValue("PermitLimit", isNew ? 6 : 30),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = section.GetValue("ReplenishmentPeriod", TimeSpan.FromSeconds(isNew ? 20 : 2)),
                AutoReplenishment = true,
                QueueLimit = 0,
            };
        }));
    }

    /// <summary>The member (or, signed out, the address), and whether they are new: the bucket and its size.</summary>
    public static async Task<string> KeyOfAsync(HttpContext context)
    {
        var member = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return await PostingLimits.IsNewAsync(context) ? member + NewSuffix : member;
    }

    /// <summary>One post's permit; when it is not acquired, its <c>RetryAfter</c> metadata says for how long.</summary>
    public async Task<RateLimitLease> AcquireAsync(HttpContext context) => _buckets.AttemptAcquire(await KeyOfAsync(context));

    public void Dispose() => _buckets.Dispose();
}
