using Marketplace.Infrastructure.Text;
using System.Security.Claims;
using FluentValidation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Accounts;

[WolverineHandler]
public static class ChangeDisplayName
{
    public sealed record Request(string DisplayName);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.DisplayName).ValidDisplayName();
    }

    public sealed record Command(Guid UserId, string DisplayName);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/display-name", PutAsync).Validate<Request>()
            .WithName("ChangeDisplayName").WithSummary("Changes the name others see on posts and shops.");

    public static async Task<IResult> PutAsync(
        Request request, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, IMessageBus bus, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var result = await ExecuteAsync(request, user, users, signIn, bus, http.User, http.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent() : AccountResults.From(result);
    }

    /// <summary>
    /// Runs the change; a cookie session (<paramref name="caller"/>) is then renewed, so it carries the new name, and
    /// <paramref name="user"/> shows it.
    /// </summary>
    public static async Task<IdentityResult> ExecuteAsync(
        Request request, UserAccount user, UserManager<UserAccount> users, SignInManager<UserAccount> signIn,
        IMessageBus bus, ClaimsPrincipal caller, CancellationToken ct)
    {
        var result = await bus.InvokeAsync<IdentityResult>(new Command(user.Id, PublicNames.Normalize(request.DisplayName)), ct, UseCases.InvokeTimeout);
        if (result.Succeeded)
        {
            user.DisplayName = PublicNames.Normalize(request.DisplayName);
            if (caller.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme && await users.FindByIdAsync(user.Id.ToString()) is { } saved)
            {
                await signIn.RefreshSignInAsync(saved);
            }
        }

        return result;
    }

    /// <summary>A new name is stored with its <see cref="DisplayNameChanged"/> message (the forum re-signs the member's posts).</summary>
    public static async Task<IdentityResult> HandleAsync(
        Command command, UserManager<UserAccount> users, IDocumentSession session, IMessageContext messages)
    {
        if (await users.FindByIdAsync(command.UserId.ToString()) is not { } user)
        {
            return IdentityResult.Failed(users.ErrorDescriber.DefaultError());
        }

        if (command.DisplayName == user.DisplayName)
        {
            return IdentityResult.Success;
        }

        user.DisplayName = command.DisplayName;
        return await messages.CommitWithAsync(session, () => users.UpdateAsync(user), new DisplayNameChanged(user.Id));
    }
}
