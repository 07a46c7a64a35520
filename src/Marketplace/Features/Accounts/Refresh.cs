using FluentValidation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

public static class Refresh
{
    public sealed record Request(string RefreshToken);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(200);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/refresh", HandleAsync).Validate<Request>().AllowAnonymous()
            .WithName("RefreshTokens")
            .WithSummary("Swaps a refresh token for a new token pair. Each refresh token works once; reusing one revokes its family.")
            .Produces<TokenPair>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static async Task<IResult> HandleAsync(
        Request request, TokenService tokens, UserManager<UserAccount> users, IDocumentSession session, CancellationToken ct)
    {
        try
        {
            var redeemed = await tokens.RedeemAsync(request.RefreshToken, ct);
            var user = redeemed is null ? null : await users.FindByIdAsync(redeemed.UserId.ToString());
            if (redeemed is null || user is null || user.SecurityStamp != redeemed.SecurityStamp || await users.IsLockedOutAsync(user))
            {
                await session.SaveChangesAsync(ct); // keeps a family revocation caused by a reused token
                return AccountResults.InvalidRefreshToken();
            }

            var pair = await tokens.IssueAsync(user, redeemed.FamilyId, redeemed.SignedInAt);
            await session.SaveChangesAsync(ct);
            return TypedResults.Ok(pair);
        }
        catch (Exception e) when (e.IsConcurrencyConflict())
        {
            return AccountResults.InvalidRefreshToken(); // the same token redeemed concurrently: one wins
        }
    }
}
