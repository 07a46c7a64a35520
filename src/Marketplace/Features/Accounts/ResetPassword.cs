using FluentValidation;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

public static class ResetPassword
{
    public sealed record Request(string Email, string Token, string NewPassword);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Email).ValidEmail();
            RuleFor(x => x.Token).NotEmpty().MaximumLength(2000);
            RuleFor(x => x.NewPassword).NewPassword();
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/reset-password", HandleAsync).Validate<Request>().AllowAnonymous()
            .WithName("ResetPassword").WithSummary("Sets a new password with the code from the reset mail; ends every session.");

    public static async Task<IResult> HandleAsync(Request request, UserManager<UserAccount> users, TokenService tokens, IDocumentSession session)
    {
        var result = await ExecuteAsync(request, users, tokens, session);
        return result switch
        {
            null => AccountResults.InvalidToken("reset link"),
            { Succeeded: true } => TypedResults.NoContent(),
            _ when result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)) => AccountResults.InvalidToken("reset link"),
            _ => AccountResults.From(result, passwordField: "newPassword"),
        };
    }

    /// <summary>Null when no such account: the caller answers exactly as for a bad token.</summary>
    public static async Task<IdentityResult?> ExecuteAsync(Request request, UserManager<UserAccount> users, TokenService tokens, IDocumentSession session)
    {
        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            return null;
        }

        var result = await users.ResetPasswordAsync(user, AccountMailer.DecodeCode(request.Token), request.NewPassword);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            await tokens.RevokeAllAsync(user.Id, CancellationToken.None);
            await session.SaveChangesAsync();
        }

        return result;
    }
}
