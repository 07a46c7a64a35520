using System.Threading.RateLimiting;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Shared;

/// <summary>
/// A form refused by a rate limit answers with itself: status 429, <c>Retry-After</c>, what was typed (bound
/// properties render again; password inputs never do), and the layout's notice saying why and how long to wait, in
/// words, counted down live by retry-countdown.js.
/// </summary>
public static class TooManyAttempts
{
    public const string SecondsKey = "retryAfterSeconds";
    public const string ReasonKey = "retryAfterReason";

    public static PageResult Page(PageModel page, RateLimitLease refused, string reason)
    {
        var wait = refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        page.ViewData[SecondsKey] = RateLimiting.SetRetryAfter(page.HttpContext, wait);
        page.ViewData[ReasonKey] = reason;
        var result = page.Page();
        result.StatusCode = StatusCodes.Status429TooManyRequests;
        return result;
    }
}
