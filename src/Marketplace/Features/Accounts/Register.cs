using FluentValidation;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine.Marten;

namespace Marketplace.Features.Accounts;

public static class Register
{
    public sealed record Request(string Email, string Password, string DisplayName);

    /// <summary>The same answer whether or not the email already had an account: the mailbox tells its owner.</summary>
    public sealed record Response(string Email, bool ConfirmationRequired);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Email).ValidEmail();
            RuleFor(x => x.Password).NewPassword();
            RuleFor(x => x.DisplayName).ValidDisplayName();
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/register", HandleAsync).Validate<Request>().AllowAnonymous()
            .WithName("Register").WithSummary("Creates an account and mails a confirmation link. 201 whether or not the email is taken.");

    public static async Task<IResult> HandleAsync(
        Request request, UserManager<UserAccount> users, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, HttpContext http)
    {
        var result = await ExecuteAsync(request, users, session, outbox, clock, PublicUrl.Of(http));
        return result.Succeeded
            ? TypedResults.Created("/api/me", new Response(request.Email.Trim(), ConfirmationRequired: true))
            : AccountResults.From(result);
    }

    public static async Task<IdentityResult> ExecuteAsync(
        Request request, UserManager<UserAccount> users, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, string baseUrl)
    {
        var email = request.Email.Trim();
        outbox.Enroll(session);
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            users.PasswordHasher.HashPassword(existing, request.Password); // same work as a new sign-up: no timing tell
            await outbox.PublishAsync(new SignUpAttemptedOnExistingAccount(email, baseUrl));
            await session.SaveChangesAsync();
            return IdentityResult.Success;
        }

        var user = new UserAccount
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            UserName = email,
            DisplayName = request.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            Roles = [Roles.Buyer],
        };
        await outbox.PublishAsync(new AccountRegistered(user.Id, baseUrl));
        var created = await users.CreateAsync(user, request.Password); // commits the account and the message together
        var lostRace = created.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.DuplicateEmail));
        return lostRace ? IdentityResult.Success : created;
    }
}
