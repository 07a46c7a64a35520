using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

/// <summary>
/// Cookies for pages, bearer tokens for the API, both accepted everywhere: a request carrying
/// <c>Authorization: Bearer</c> (or, on a hub's WebSocket, <c>?access_token=</c>) is a bearer request.
/// </summary>
public static class AuthenticationSetup
{
    public const string CookieOrBearer = "cookie-or-bearer";

    public static void AddMarketplaceAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    HasBearerToken(context) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TokenService.AccessTokenLifetime;
                options.Events.OnMessageReceived = context =>
                {
                    if (HubWebSocketToken(context.HttpContext) is { } token)
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                };
            })
            .AddIdentityCookies(cookies =>
            {
                cookies.ApplicationCookie!.Configure(ConfigureApplicationCookie);
                cookies.TwoFactorUserIdCookie!.Configure(options => options.Cookie.Name = AccountCookies.TwoFactorUserId);
                cookies.TwoFactorRememberMeCookie!.Configure(options => options.Cookie.Name = AccountCookies.TwoFactorRememberMe);
                cookies.ExternalCookie!.Configure(options => options.Cookie.Name = AccountCookies.External);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Member, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.Seller, policy => policy.RequireRole(Roles.Seller, Roles.Admin))
            .AddPolicy(Policies.Moderator, policy => policy.RequireRole(Roles.Moderator, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));
    }

    private static void ConfigureApplicationCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = AccountCookies.Application;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromDays(14);
        options.SlidingExpiration = true;
        options.LoginPath = "/account/login";
        options.LogoutPath = "/account/logout";
        options.AccessDeniedPath = "/Error/403";
        // API callers get status codes (turned into ProblemDetails), never a redirect to a page.
        options.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
    }

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Authentication for requests that carry something to authenticate: a cookie, an <c>Authorization</c> header or a
    /// hub's token. A visitor's request carries none of them, so the handlers would only find nothing; skipping them
    /// leaves the same anonymous user and saves two handler instances on every anonymous request.
    /// </summary>
    public static IApplicationBuilder UseMarketplaceAuthentication(this IApplicationBuilder app)
    {
        // WebApplication adds UseAuthentication() in front of the pipeline unless the root builder says it was called;
        // a branch's UseAuthentication() marks only the branch.
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app.UseWhen(HasCredentials, authenticated => authenticated.UseAuthentication());
    }

    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    private static bool HasCredentials(HttpContext context) =>
        context.Request.Headers.Cookie.Count > 0 || context.Request.Headers.Authorization.Count > 0 || HubWebSocketToken(context) is not null;

    public static bool HasBearerToken(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ||
        HubWebSocketToken(context) is not null;

    /// <summary>Browsers cannot set headers on WebSockets, so hubs alone take the token from the query string.</summary>
    private static string? HubWebSocketToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/hubs") && context.WebSockets.IsWebSocketRequest &&
        context.Request.Query["access_token"].ToString() is { Length: > 0 } token
            ? token
            : null;
}
