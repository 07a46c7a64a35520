using FluentValidation;
using Marketplace.StripeSandbox.Payments;
using Marten;
using Wolverine.Marten;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>POST /stripe-sandbox/control/checkout/sessions/{sessionId}/pay</c>
/// <c>{"card": "4242424242424242", "email": "buyer@example.com", "name": "Jenny Rosen"}</c>: pays the session as the
/// hosted page would. Answers the completed <c>checkout.session</c>, or 402 with the card error when declined.
/// </summary>
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

    public static void Map(IEndpointRouteBuilder control) =>
        control.MapPost("/checkout/sessions/{sessionId}/pay", HandleAsync).Validate<Request>();

    public static async Task<IResult> HandleAsync(
        string sessionId, Request request, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var checkout = await session.LoadAsync<SandboxCheckoutSession>(sessionId, ct);
        if (checkout is null)
        {
            return ControlProblems.NoSuch("checkout session", sessionId);
        }

        if (!checkout.IsOpen(clock.GetUtcNow()))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ControlProblemTypes.Conflict,
                title: $"The checkout session is {checkout.Status}, not open.");
        }

        outbox.Enroll(session);
        var decline = await SandboxCheckout.PayAsync(new SandboxTransaction(session, outbox, clock), checkout,
            request.Card ?? "4242424242424242", request.Email ?? checkout.CustomerEmail ?? "buyer@example.com", request.Name, ct);
        await session.SaveChangesAsync(ct);
        return decline is null
            ? StripeObjectResult.Of(CheckoutSessionObject.Render(checkout))
            : TypedResults.Problem(statusCode: StatusCodes.Status402PaymentRequired, type: ControlProblemTypes.BadRequest, title: decline.Message,
                extensions: new Dictionary<string, object?> { ["stripeCode"] = decline.Code, ["declineCode"] = decline.DeclineCode, ["charge"] = decline.Charge });
    }
}
