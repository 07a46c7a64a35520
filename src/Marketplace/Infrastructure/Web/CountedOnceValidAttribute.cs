using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Infrastructure.Web;

/// <summary>
/// Endpoint metadata: a request that passed its validation (<see cref="ValidationFilter{TRequest}"/>) counts against this
/// policy's per-address window (<see cref="FormBudgets"/>), and one that did not is told what is wrong without being
/// counted, so an empty or too long sign-in is never answered "too many requests". Put it where a form-facing
/// policy (<c>auth</c>, <c>contact</c>) would otherwise be required of the rate limiter middleware.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CountedOnceValidAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;

    /// <summary>Takes a permit for the request; the refusal to answer with, or null when it may go on.</summary>
    public static IResult? Refusal(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<CountedOnceValidAttribute>() is not { } counted)
        {
            return null;
        }

        using var permit = http.RequestServices.GetRequiredService<FormBudgets>().Acquire(counted.Policy, http);
        if (permit.IsAcquired)
        {
            return null;
        }

        var wait = permit.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
        var seconds = RateLimiting.SetRetryAfter(http, wait);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = ProblemTypes.TooManyRequests,
            Title = "Too many requests.",
            Detail = $"Try again in {RateLimiting.InWords(TimeSpan.FromSeconds(seconds))}.",
        });
    }
}
