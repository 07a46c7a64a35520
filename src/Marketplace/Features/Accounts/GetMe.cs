using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

public static class GetMe
{
    public sealed record Response(
        Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool EmailConfirmed, bool TwoFactorEnabled, string? Handle);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/me", HandleAsync).WithName("GetMe").WithSummary("The signed-in account.");

    public static async Task<IResult> HandleAsync(UserManager<UserAccount> users, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        return user is null
            ? TypedResults.Unauthorized()
            : TypedResults.Ok(new Response(user.Id, user.Email!, user.DisplayName, user.Roles, user.EmailConfirmed, user.TwoFactorEnabled, user.Handle));
    }
}
