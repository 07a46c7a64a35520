using FluentValidation;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine.Marten;

namespace Marketplace.Features.Accounts;

public static class DeleteAccount
{
    public sealed record Request(string Password);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/delete", HandleAsync).Validate<Request>()
            .WithName("DeleteAccount")
            .WithSummary("Deletes the account: personal data is erased, posts stay under \"Deleted user\", a shop is closed.");

    public static async Task<IResult> HandleAsync(
        Request request, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, TokenService tokens,
        IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var result = await ExecuteAsync(request, user, users, signIn, tokens, session, outbox, clock, http.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent()
            : ChangePassword.IsWrongPassword(result) ? ValidationProblems.Field("password", "The password is incorrect.")
            : AccountResults.From(result);
    }

    /// <summary>A wrong password fails with Identity's <c>PasswordMismatch</c> error and changes nothing.</summary>
    public static async Task<IdentityResult> ExecuteAsync(
        Request request, UserAccount user, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, TokenService tokens,
        IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            return IdentityResult.Failed(users.ErrorDescriber.PasswordMismatch());
        }

        var now = clock.GetUtcNow();
        Anonymise(user, now);
        outbox.Enroll(session);
        await tokens.RevokeAllAsync(user.Id, ct);
        await outbox.PublishAsync(new AccountDeleted(user.Id, now));
        var result = await users.UpdateAsync(user); // commits the tombstone, the revocations and the event together
        if (result.Succeeded)
        {
            await signIn.SignOutAsync();
        }

        return result;
    }

    /// <summary>Keeps the id (posts and orders point at it) and nothing that identifies the person.</summary>
    public static void Anonymise(UserAccount user, DateTimeOffset now)
    {
        var placeholder = $"deleted-{user.Id:N}@deleted.invalid";
        user.Email = user.UserName = placeholder;
        user.NormalizedEmail = user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.DisplayName = "Deleted user";
        user.PasswordHash = null;
        user.EmailConfirmed = false;
        user.TwoFactorEnabled = false;
        user.AuthenticatorKey = null;
        user.RecoveryCodeHashes = [];
        user.Roles = [];
        user.Claims = [];
        user.Logins = [];
        user.Tokens = [];
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.DeletedAt = now;
    }
}
