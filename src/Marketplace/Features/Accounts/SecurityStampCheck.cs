using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Accounts;

/// <summary>
/// After authentication: a principal (cookie or bearer) whose security stamp is no longer the account's current one
/// becomes anonymous, and a stale sign-in cookie is removed.
/// </summary>
public sealed class SecurityStampCheck(RequestDelegate next, SecurityStampCache stamps, IOptions<IdentityOptions> identity)
{
    public Task InvokeAsync(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? CheckAsync(context) : next(context);

    private async Task CheckAsync(HttpContext context)
    {
        var user = context.User;
        var claimed = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : Guid.Empty;
        var current = id == Guid.Empty ? null : await stamps.GetAsync(id, context.RequestAborted);
        if (claimed is null || current is null || !string.Equals(claimed, current, StringComparison.Ordinal))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            context.Response.Cookies.Delete(AccountCookies.Application);
        }

        await next(context);
    }
}
