using FluentValidation;
using Marketplace.StripeSandbox.Payments;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>POST /stripe-sandbox/control/checkout/sessions/{sessionId}/pay</c>
/// <c>{"card": "4242424242424242", "email": "buyer@example.com", "name": "Jenny Rosen"}</c>: pays the session as the
/// hosted page would. Answers the completed <c>checkout.session</c>, or 402 with the card error when declined.
/// </summary>
[WolverineHandler]
public static class PayCheckoutSession
{
    public sealed record Request(string? Card = null, string? Email = null, string? Name = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Card).MaximumLength(40);
            RuleFor(x => x.Email).MaximumLength(200);
            RuleFor(x => x.Name).MaximumLength(200);
        }
    }

    public sealed record Command(string SessionId, string? Card, string? Email, string? Name);

    public static void Map(IEndpointRouteBuilder control) =>
        control.MapPost("/checkout/sessions/{sessionId}/pay", PostAsync).Validate<Request>();

    public static Task<IResult> PostAsync(string sessionId, Request request, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new Command(sessionId, request.Card, request.Email, request.Name), ct, SandboxTransaction.InvokeTimeout);

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var checkout = await session.LoadAsync<SandboxCheckoutSession>(command.SessionId, ct);
        if (checkout is null)
        {
            return ControlProblems.NoSuch("checkout session", command.SessionId);
        }

        if (!checkout.IsOpen(clock.GetUtcNow()))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ControlProblemTypes.Conflict,
                title: $"The checkout session is {checkout.Status}, not open.");
        }

        var decline = await SandboxCheckout.PayAsync(await SandboxTransaction.BeginAsync(session, messages, clock, ct), checkout,
            command.Card ?? "4242424242424242", command.Email ?? checkout.CustomerEmail ?? "buyer@example.com", command.Name, ct);
        return decline is null
            ? StripeObjectResult.Of(CheckoutSessionObject.Render(checkout))
            : TypedResults.Problem(statusCode: StatusCodes.Status402PaymentRequired, type: ControlProblemTypes.BadRequest, title: decline.Message,
                extensions: new Dictionary<string, object?> { ["stripeCode"] = decline.Code, ["declineCode"] = decline.DeclineCode, ["charge"] = decline.Charge });
    }
}
