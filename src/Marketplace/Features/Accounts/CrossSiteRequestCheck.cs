using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Features.Accounts;

/// <summary>
/// Cross-site request forgery on the API: a browser attaches the sign-in cookie to any request to this site, so a
/// cookie-authenticated call that changes something must prove it comes from a page of the site. It must carry
/// <c>X-Requested-With</c> (a header another site's page cannot add without a CORS preflight this app never grants;
/// SignalR's client sends it too), and an <c>Origin</c> or <c>Sec-Fetch-Site</c> it sends must be this site's.
/// Bearer-token calls carry no ambient authority and are exempt; pages' forms have their antiforgery token.
/// </summary>
public sealed class CrossSiteRequestCheck(RequestDelegate next)
{
    public const string Header = "X-Requested-With";

    public Task InvokeAsync(HttpContext context) =>
        IsCookieAuthenticatedUnsafeCall(context) && Refusal(context) is { } reason
            ? ErrorResponses.WriteAsync(context, new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden, Type = ProblemTypes.CrossSiteRequest,
                Title = "The request may come from another site.", Detail = reason,
            })
            : next(context);

    private static bool IsCookieAuthenticatedUnsafeCall(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        && context.User.Identity?.IsAuthenticated == true
        && !AuthenticationSetup.HasBearerToken(context);

    private static string? Refusal(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers.Origin is [{ } origin, ..] && !IsThisSite(context, origin))
        {
            return $"A request from {origin} cannot use this site's sign-in cookie.";
        }

        if (headers["Sec-Fetch-Site"] is [{ } site, ..] && site is not ("same-origin" or "none"))
        {
            return "A request from another site cannot use this site's sign-in cookie.";
        }

        return string.IsNullOrEmpty(headers[Header])
            ? $"A call signed in with the cookie must send the {Header} header (or use a bearer token)."
            : null;
    }

    private static bool IsThisSite(HttpContext context, string origin) =>
        string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase)
        || (PublicUrl.Configured(context.RequestServices.GetRequiredService<IConfiguration>()) is { } configured
            && Uri.TryCreate(configured, UriKind.Absolute, out var site)
            && string.Equals(origin, site.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase));
}
