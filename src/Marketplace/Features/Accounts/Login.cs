using FluentValidation;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

public static class Login
{
    public sealed record Request(string Email, string Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().MaximumLength(254);
            RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
            RuleFor(x => x.TwoFactorCode).MaximumLength(16);
            RuleFor(x => x.TwoFactorRecoveryCode).MaximumLength(32);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/login", HandleAsync).Validate<Request>().AllowAnonymous()
            .WithName("Login")
            .WithSummary("Signs in: 200 {accessToken, refreshToken, expiresIn}, or with ?useCookies=true the session cookie.")
            .Produces<TokenPair>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static async Task<IResult> HandleAsync(
        Request request, bool? useCookies, SignInCheck check, SignInManager<UserAccount> signIn, TokenService tokens,
        IDocumentSession session, LoginThrottle throttle, TimeProvider clock, HttpContext http)
    {
        if (throttle.TryAttempt(request.Email, http) is { } wait)
        {
            return AccountResults.TooManyAttempts(wait, http);
        }

        var (outcome, user) = await check.CheckPasswordAsync(request.Email, request.Password, http);
        switch (outcome)
        {
            case SignInOutcome.InvalidCredentials:
                return AccountResults.InvalidCredentials();
            case SignInOutcome.EmailNotConfirmed:
                return AccountResults.EmailNotConfirmed();
            case SignInOutcome.TwoFactorRequired when request.TwoFactorCode is null && request.TwoFactorRecoveryCode is null:
                return AccountResults.TwoFactorRequired();
            case SignInOutcome.TwoFactorRequired when !await check.CheckSecondFactorAsync(user!, request.TwoFactorCode, request.TwoFactorRecoveryCode, http):
                return AccountResults.InvalidCredentials();
        }

        await check.SucceededAsync(user!);
        if (useCookies == true)
        {
            await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [SignInTime.Claim(clock.GetUtcNow())]);
            return TypedResults.Ok();
        }

        var pair = await tokens.IssueAsync(user!, signedInAt: clock.GetUtcNow());
        await session.SaveChangesAsync();
        return TypedResults.Ok(pair);
    }
}
