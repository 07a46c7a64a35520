namespace Marketplace.Infrastructure.Web;

/// <summary>
/// Security headers on every response. Nothing is loaded from other origins, so the policy is tight; forms may lead
/// only to Stripe's hosted onboarding and checkout (a form whose answer redirects there counts as going there).
/// <c>connect-src 'self'</c> covers the forum's SignalR WebSocket to this same host (CSP 3: 'self' matches ws: and wss:).
/// The API's JSON is never a document, so it gets what OWASP's REST cheat sheet asks of an API (a policy that allows
/// nothing, no framing, no sniffing) without the headers that only mean something to a page.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self' https://connect.stripe.com https://checkout.stripe.com; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    // The API reference UI (Scalar) injects inline styles and scripts; it is the only page allowed to.
    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
            return next(context);
        }

        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentSecurityPolicy;
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
