using FluentValidation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Platform;

[WolverineHandler]
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

    /// <summary>The use case's message: what the handler needs, already validated.</summary>
    public sealed record Command(string Name, string Email, string Subject, string Message);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/contact", PostAsync)
            .Validate<Request>()
            .WithMetadata(new CountedOnceValidAttribute(RateLimiting.Contact), new AllowedWhileSuspendedAttribute()) // how a suspended member appeals
            .WithName("SubmitContactMessage")
            .WithSummary("Sends a message to the marketplace team. 202: stored and queued for the team.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static async Task<IResult> PostAsync(Request request, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await ExecuteAsync(request, bus, ct));

    /// <summary>Runs the use case for the endpoint and for <c>Pages/Contact</c>.</summary>
    public static Task<Response> ExecuteAsync(Request request, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<Response>(
            new Command(request.Name.Trim(), request.Email.Trim(), request.Subject.Trim(), request.Message.Trim()), ct, UseCases.InvokeTimeout);

    /// <summary>Stores the message; Wolverine commits it with <see cref="ContactMessageReceived"/> in one transaction.</summary>
    public static (Response, ContactMessageReceived) Handle(Command command, IDocumentSession session, TimeProvider clock)
    {
        var message = new ContactMessage
        {
            Id = Guid.CreateVersion7(),
            Name = command.Name,
            Email = command.Email,
            Subject = command.Subject,
            Body = command.Message,
            ReceivedAt = clock.GetUtcNow(),
        };
        session.Store(message);
        return (new Response(message.Id, message.ReceivedAt), new ContactMessageReceived(message.Id));
    }
}
