using Marten;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

public static class SignOutEverywhere
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sign-out-everywhere", HandleAsync)
            .WithName("SignOutEverywhere").WithSummary("Ends every session of the account: cookies, access and refresh tokens.");

    public static async Task<IResult> HandleAsync(
        UserManager<UserAccount> users, SignInManager<UserAccount> signIn, TokenService tokens, IDocumentSession session, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeAllAsync(user.Id, http.RequestAborted);
        await session.SaveChangesAsync(http.RequestAborted);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}
