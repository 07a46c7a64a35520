using FluentValidation;
using Marketplace.StripeSandbox.Payments;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>POST /stripe-sandbox/control/charges/{chargeId}/dispute</c> <c>{"reason": "fraudulent", "amount": 1000}</c> opens a
/// dispute (<c>charge.dispute.created</c>); <c>POST /stripe-sandbox/control/disputes/{disputeId}/close</c>
/// <c>{"outcome": "won" | "lost"}</c> closes it (<c>charge.dispute.closed</c>). Both answer the Stripe dispute.
/// </summary>
[WolverineHandler]
public static class ControlDisputes
{
    public sealed record OpenRequest(string Reason = "fraudulent", long? Amount = null);

    public sealed record CloseRequest(string Outcome);

    public sealed class OpenValidator : AbstractValidator<OpenRequest>
    {
        public OpenValidator()
        {
            RuleFor(x => x.Reason).Must(reason => SandboxDisputes.Reasons.Contains(reason))
                .WithMessage($"Reason is one of {string.Join(", ", SandboxDisputes.Reasons)}.");
            RuleFor(x => x.Amount).GreaterThan(0);
        }
    }

    public sealed class CloseValidator : AbstractValidator<CloseRequest>
    {
        public CloseValidator() => RuleFor(x => x.Outcome).Must(outcome => outcome is "won" or "lost").WithMessage("Outcome is won or lost.");
    }

    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapPost("/charges/{chargeId}/dispute", OpenAsync).Validate<OpenRequest>();
        control.MapPost("/disputes/{disputeId}/close", CloseAsync).Validate<CloseRequest>();
    }

    public sealed record Open(string ChargeId, string Reason, long? Amount);

    public sealed record Close(string DisputeId, bool Won);

    public static Task<IResult> OpenAsync(string chargeId, OpenRequest request, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new Open(chargeId, request.Reason, request.Amount), ct, SandboxTransaction.InvokeTimeout);

    public static Task<IResult> CloseAsync(string disputeId, CloseRequest request, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new Close(disputeId, request.Outcome == "won"), ct, SandboxTransaction.InvokeTimeout);

    public static async Task<IResult> HandleAsync(Open command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var charge = await session.LoadAsync<SandboxCharge>(command.ChargeId, ct);
        if (charge is not { Paid: true })
        {
            return ControlProblems.NoSuch("successful charge", command.ChargeId);
        }

        if (charge.Disputed || command.Amount > charge.Amount)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ControlProblemTypes.Conflict,
                title: charge.Disputed ? "The charge is already disputed." : "A dispute cannot exceed the charge.");
        }

        var dispute = await SandboxDisputes.OpenAsync(await SandboxTransaction.BeginAsync(session, messages, clock, ct), charge, command.Reason, command.Amount, ct);
        session.Store(charge);
        return StripeObjectResult.Of(dispute.Render());
    }

    public static async Task<IResult> HandleAsync(Close command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var dispute = await session.LoadAsync<SandboxDispute>(command.DisputeId, ct);
        if (dispute is null)
        {
            return ControlProblems.NoSuch("dispute", command.DisputeId);
        }

        if (dispute.Status is "won" or "lost")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ControlProblemTypes.Conflict, title: $"The dispute is already {dispute.Status}.");
        }

        await SandboxDisputes.CloseAsync(await SandboxTransaction.BeginAsync(session, messages, clock, ct), dispute, command.Won, ct);
        return StripeObjectResult.Of(dispute.Render());
    }
}
