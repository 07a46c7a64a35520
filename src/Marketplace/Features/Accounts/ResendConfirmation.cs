using FluentValidation;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine.Marten;

namespace Marketplace.Features.Accounts;

public static class ResendConfirmation
{
    public sealed record Request(string Email);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Email).ValidEmail();
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/resend-confirmation", HandleAsync).Validate<Request>().AllowAnonymous()
            .WithName("ResendConfirmation").WithSummary("Mails a new confirmation link if the account exists and is unconfirmed. Always 202.");

    public static async Task<IResult> HandleAsync(Request request, IDocumentSession session, IMartenOutbox outbox, HttpContext http)
    {
        outbox.Enroll(session);
        await outbox.PublishAsync(new ConfirmationEmailRequested(request.Email.Trim(), PublicUrl.Of(http)));
        await session.SaveChangesAsync();
        return TypedResults.Accepted((string?)null);
    }
}
