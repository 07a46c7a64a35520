using FluentValidation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Text;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Accounts;

[WolverineHandler]
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

    public sealed record Command(string Email, string Password, string DisplayName, string BaseUrl)
    {
        /// <summary>Wolverine logs a failed invocation's message: never the password.</summary>
        public override string ToString() => $"{nameof(Register)}.{nameof(Command)} {{ DisplayName = {DisplayName} }}";
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/register", PostAsync).Validate<Request>().AllowAnonymous()
            .WithName("Register").WithSummary("Creates an account and mails a confirmation link. 201 whether or not the email is taken.");

    public static async Task<IResult> PostAsync(Request request, IMessageBus bus, HttpContext http)
    {
        var result = await ExecuteAsync(request, bus, PublicUrl.Of(http), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Created("/api/me", new Response(request.Email.Trim(), ConfirmationRequired: true))
            : AccountResults.From(result);
    }

    public static Task<IdentityResult> ExecuteAsync(Request request, IMessageBus bus, string baseUrl, CancellationToken ct) =>
        bus.InvokeAsync<IdentityResult>(
            new Command(request.Email.Trim(), request.Password, PublicNames.Normalize(request.DisplayName), baseUrl), ct, UseCases.InvokeTimeout);

    /// <summary>
    /// <paramref name="users"/> is built by Wolverine over its own session, so the account and its message commit together
    /// (<see cref="IdentityWrites"/>). A taken email goes the very same way (the password checked and hashed, the
    /// uniqueness queries, one commit) until the insert is refused, and then mails the owner instead: neither the answer
    /// nor its time tells whether the email has an account. A concurrent sign-up that lost the race ends the same. The
    /// handle is chosen first (<see cref="MemberHandles.AssignAsync"/>), whether or not the email is taken.
    /// </summary>
    public static async Task<IdentityResult> HandleAsync(
        Command command, UserManager<UserAccount> users, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var user = new UserAccount
        {
            Id = Guid.CreateVersion7(),
            Email = command.Email,
            UserName = command.Email,
            DisplayName = command.DisplayName,
            CreatedAt = clock.GetUtcNow(),
            Roles = [Roles.Buyer],
        };
        // Before Identity looks for the email, so that a taken one costs the same queries (and time) as a new one.
        await MemberHandles.AssignAsync(session, user, ct);
        var created = await messages.CommitWithAsync(session, () => users.CreateAsync(user, command.Password), new AccountRegistered(user.Id, command.BaseUrl));
        if (created.Errors.Any(error => error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            await messages.PublishAsync(new SignUpAttemptedOnExistingAccount(command.Email, command.BaseUrl));
            return IdentityResult.Success;
        }

        return created;
    }
}
