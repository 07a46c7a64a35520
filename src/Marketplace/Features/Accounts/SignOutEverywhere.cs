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

        await ExecuteAsync(user, users, signIn, tokens, session, http.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task ExecuteAsync(
        UserAccount user, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, TokenService tokens, IDocumentSession session,
        CancellationToken ct)
    {
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeAllAsync(user.Id, ct);
        await session.SaveChangesAsync(ct);
        await signIn.SignOutAsync();
    }
}
