namespace Marketplace.Infrastructure.Web;

public static class ApiRoutes
{
    /// <summary>A group under <c>/api</c>: tagged for the API reference and under the per-client API rate limit.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup($"/api{prefix}").WithTags(tag).RequireRateLimiting(RateLimiting.Api);
}
