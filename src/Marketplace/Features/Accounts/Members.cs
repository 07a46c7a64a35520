using System.Security.Claims;

namespace Marketplace.Features.Accounts;

/// <summary>Who the signed-in member is, read from the principal in one place.</summary>
public static class Members
{
    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
