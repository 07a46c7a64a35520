using System.Security.Claims;
using FluentValidation;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine.Marten;

namespace Marketplace.Features.Accounts;

public static class ChangeDisplayName
{
    public sealed record Request(string DisplayName);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.DisplayName).ValidDisplayName();
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/display-name", HandleAsync).Validate<Request>()
            .WithName("ChangeDisplayName").WithSummary("Changes the name others see on posts and shops.");

    public static async Task<IResult> HandleAsync(
        Request request, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, IDocumentSession session, IMartenOutbox outbox, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var result = await ExecuteAsync(request, user, users, signIn, session, outbox, http.User);
        return result.Succeeded ? TypedResults.NoContent() : AccountResults.From(result);
    }

    /// <summary>
    /// A new name is stored with its <see cref="DisplayNameChanged"/> message (the forum re-signs the member's posts); a
    /// cookie session (<paramref name="caller"/>) is renewed, so it carries the new name.
    /// </summary>
    public static async Task<IdentityResult> ExecuteAsync(
        Request request, UserAccount user, UserManager<UserAccount> users, SignInManager<UserAccount> signIn,
        IDocumentSession session, IMartenOutbox outbox, ClaimsPrincipal caller)
    {
        var name = request.DisplayName.Trim();
        if (name != user.DisplayName)
        {
            user.DisplayName = name;
            outbox.Enroll(session);
            await outbox.PublishAsync(new DisplayNameChanged(user.Id));
        }

        var result = await users.UpdateAsync(user); // commits the name and its message together
        if (result.Succeeded && caller.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return result;
    }
}
