using System.Security.Claims;
using Marketplace.Features.Accounts;

namespace Marketplace.Features.Forum;

/// <summary>The signed-in member acting in the forum, read from the principal.</summary>
public sealed record ForumActor(Guid Id, string DisplayName, bool IsModerator)
{
    public static ForumActor? Of(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? new ForumActor(
                id,
                user.FindFirstValue(AccountClaimsFactory.DisplayNameClaim) ?? "Member",
                user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin))
            : null;
}
