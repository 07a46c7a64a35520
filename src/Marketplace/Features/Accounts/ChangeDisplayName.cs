using FluentValidation;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

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

    public static async Task<IResult> HandleAsync(Request request, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        user.DisplayName = request.DisplayName.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return AccountResults.From(result);
        }

        if (http.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return TypedResults.NoContent();
    }
}
