using Marten;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

public static class Logout
{
    public sealed record Request(string? RefreshToken);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/logout", HandleAsync).AllowAnonymous()
            .WithName("Logout")
            .WithSummary("Ends the cookie session and, when given, retires the refresh token (and its family).");

    public static async Task<IResult> HandleAsync(
        Request? request, SignInManager<UserAccount> signIn, TokenService tokens, IDocumentSession session, CancellationToken ct)
    {
        await ExecuteAsync(request?.RefreshToken, signIn, tokens, session, ct);
        return TypedResults.NoContent();
    }

    public static async Task ExecuteAsync(
        string? refreshToken, SignInManager<UserAccount> signIn, TokenService tokens, IDocumentSession session, CancellationToken ct)
    {
        await signIn.SignOutAsync();
        if (!string.IsNullOrWhiteSpace(refreshToken))
        {
            await tokens.RetireAsync(refreshToken, ct);
            await session.SaveChangesAsync(ct);
        }
    }
}
