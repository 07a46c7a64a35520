using System.Security.Claims;
using FluentValidation;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

public static class ChangePassword
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(128);
            RuleFor(x => x.NewPassword).NewPassword().NotEqual(x => x.CurrentPassword).WithMessage("Choose a password you have not used here.");
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/password", HandleAsync).Validate<Request>()
            .WithName("ChangePassword").WithSummary("Changes the password; every other session and refresh token ends.");

    public static async Task<IResult> HandleAsync(
        Request request, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, TokenService tokens, IDocumentSession session, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var result = await ExecuteAsync(request, user, users, signIn, tokens, session, http.User, http.RequestAborted);
        if (!result.Succeeded)
        {
            return IsWrongPassword(result)
                ? ValidationProblems.Field("currentPassword", "The current password is incorrect.")
                : AccountResults.From(result, passwordField: "newPassword");
        }

        return TypedResults.NoContent();
    }

    public static bool IsWrongPassword(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));

    /// <summary>A cookie session (<paramref name="caller"/>) is renewed with the new security stamp, so it stays signed in.</summary>
    public static async Task<IdentityResult> ExecuteAsync(
        Request request, UserAccount user, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, TokenService tokens,
        IDocumentSession session, ClaimsPrincipal caller, CancellationToken ct)
    {
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            return result;
        }

        await tokens.RevokeAllAsync(user.Id, ct);
        await session.SaveChangesAsync(ct);
        if (caller.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return result;
    }
}
