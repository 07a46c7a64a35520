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

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? AccountResults.FieldError("currentPassword", "The current password is incorrect.")
                : AccountResults.From(result, passwordField: "newPassword");
        }

        await tokens.RevokeAllAsync(user.Id, http.RequestAborted);
        await session.SaveChangesAsync(http.RequestAborted);
        if (http.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            await signIn.RefreshSignInAsync(user); // this browser stays signed in with the new stamp
        }

        return TypedResults.NoContent();
    }
}
