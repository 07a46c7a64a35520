using FluentValidation;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine.Marten;

namespace Marketplace.Features.Platform;

public static class SubmitContactMessage
{
    public sealed record Request(string Name, string Email, string Subject, string Message);

    public sealed record Response(Guid Id, DateTimeOffset ReceivedAt);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(254);
            RuleFor(x => x.Subject).NotEmpty().MaximumLength(150);
            RuleFor(x => x.Message).NotEmpty().MinimumLength(10).MaximumLength(5000);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/contact", HandleAsync)
            .Validate<Request>()
            .RequireRateLimiting(RateLimiting.Contact)
            .WithName("SubmitContactMessage")
            .WithSummary("Sends a message to the marketplace team. 202: stored and queued for the team.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static async Task<IResult> HandleAsync(
        Request request, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var response = await ExecuteAsync(request, session, outbox, clock, ct);
        return TypedResults.Accepted((string?)null, response);
    }

    /// <summary>Stores the message and queues <see cref="ContactMessageReceived"/> in one transaction.</summary>
    public static async Task<Response> ExecuteAsync(
        Request request, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var message = new ContactMessage
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name.Trim(),
            Email = request.Email.Trim(),
            Subject = request.Subject.Trim(),
            Body = request.Message.Trim(),
            ReceivedAt = clock.GetUtcNow(),
        };
        outbox.Enroll(session);
        session.Store(message);
        await outbox.PublishAsync(new ContactMessageReceived(message.Id));
        await session.SaveChangesAsync(ct);
        return new Response(message.Id, message.ReceivedAt);
    }
}
