using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts.Admin;

/// <summary>Admins grant and revoke the moderator role. Roles reach the account's sessions at their next sign-in or refresh.</summary>
public static class ModeratorRole
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{userId:guid}/moderator", GrantAsync).WithName("GrantModerator");
        group.MapDelete("/{userId:guid}/moderator", RevokeAsync).WithName("RevokeModerator");
    }

    public static Task<IResult> GrantAsync(Guid userId, UserManager<UserAccount> users) => ChangeAsync(userId, users, grant: true);

    public static Task<IResult> RevokeAsync(Guid userId, UserManager<UserAccount> users) => ChangeAsync(userId, users, grant: false);

    public static async Task<IResult> ChangeAsync(Guid userId, UserManager<UserAccount> users, bool grant) =>
        await ExecuteAsync(userId, users, grant) switch
        {
            null => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such account."),
            { Succeeded: true } => TypedResults.NoContent(),
            var failed => AccountResults.From(failed),
        };

    /// <summary>Null when there is no such account; granting a role the account has (or revoking one it lacks) succeeds.</summary>
    public static async Task<IdentityResult?> ExecuteAsync(Guid userId, UserManager<UserAccount> users, bool grant)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return null;
        }

        if (grant == user.IsInRole(Roles.Moderator))
        {
            return IdentityResult.Success;
        }

        var result = grant ? await users.AddToRoleAsync(user, Roles.Moderator) : await users.RemoveFromRoleAsync(user, Roles.Moderator);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user); // sessions pick up the new roles by signing in again
        }

        return result;
    }
}
