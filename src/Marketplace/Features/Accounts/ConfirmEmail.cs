using FluentValidation;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

public static class ConfirmEmail
{
    public sealed record Request(Guid UserId, string Code);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.UserId).NotEmpty();
            RuleFor(x => x.Code).NotEmpty().MaximumLength(2000);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/confirm-email", HandleAsync).Validate<Request>().AllowAnonymous()
            .WithName("ConfirmEmail").WithSummary("Confirms the email address with the code from the confirmation mail.");

    public static async Task<IResult> HandleAsync(Request request, UserManager<UserAccount> users) =>
        await ExecuteAsync(request, users) ? TypedResults.NoContent() : AccountResults.InvalidToken("confirmation link");

    public static async Task<bool> ExecuteAsync(Request request, UserManager<UserAccount> users)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is null)
        {
            return false;
        }

        return user.EmailConfirmed || (await users.ConfirmEmailAsync(user, AccountMailer.DecodeCode(request.Code))).Succeeded;
    }
}
