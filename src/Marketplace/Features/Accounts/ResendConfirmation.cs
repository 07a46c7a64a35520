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
        await ExecuteAsync(request, session, outbox, PublicUrl.Of(http));
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>The lookup happens in the durable handler, so the request does the same work for any email.</summary>
    public static async Task ExecuteAsync(Request request, IDocumentSession session, IMartenOutbox outbox, string baseUrl)
    {
        outbox.Enroll(session);
        await outbox.PublishAsync(new ConfirmationEmailRequested(request.Email.Trim(), baseUrl));
        await session.SaveChangesAsync();
    }
}
