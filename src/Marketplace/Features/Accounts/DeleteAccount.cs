using FluentValidation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Accounts;

[WolverineHandler]
public static class DeleteAccount
{
    public sealed record Request(string Password);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }

    public sealed record Command(Guid UserId, string Password)
    {
        /// <summary>Wolverine logs a failed invocation's message: never the password.</summary>
        public override string ToString() => $"{nameof(DeleteAccount)}.{nameof(Command)} {{ UserId = {UserId} }}";
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/delete", PostAsync).Validate<Request>()
            .WithName("DeleteAccount")
            .WithSummary("Deletes the account: personal data is erased, posts stay under \"Deleted user\", a shop is closed.");

    public static async Task<IResult> PostAsync(
        Request request, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, IMessageBus bus, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var result = await ExecuteAsync(request, user, signIn, bus, http.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent()
            : ChangePassword.IsWrongPassword(result) ? ValidationProblems.Field("password", "The password is incorrect.")
            : AccountResults.From(result);
    }

    /// <summary>Runs the deletion, then signs the caller out.</summary>
    public static async Task<IdentityResult> ExecuteAsync(
        Request request, UserAccount user, SignInManager<UserAccount> signIn, IMessageBus bus, CancellationToken ct)
    {
        var result = await bus.InvokeAsync<IdentityResult>(new Command(user.Id, request.Password), ct, UseCases.InvokeTimeout);
        if (result.Succeeded)
        {
            await signIn.SignOutAsync();
        }

        return result;
    }

    /// <summary>
    /// The tombstone, the revoked refresh tokens and <see cref="AccountDeleted"/> commit together. A wrong password fails
    /// with Identity's <c>PasswordMismatch</c> error and changes nothing.
    /// </summary>
    public static async Task<IdentityResult> HandleAsync(
        Command command, UserManager<UserAccount> users, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        if (await users.FindByIdAsync(command.UserId.ToString()) is not { } user || !await users.CheckPasswordAsync(user, command.Password))
        {
            return IdentityResult.Failed(users.ErrorDescriber.PasswordMismatch());
        }

        var now = clock.GetUtcNow();
        Anonymise(user, now);
        await TokenService.RevokeAllAsync(session, user.Id, now, ct);
        return await messages.CommitWithAsync(session, () => users.UpdateAsync(user), new AccountDeleted(user.Id, now));
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
