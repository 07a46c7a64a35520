using FluentValidation;
using Marketplace.StripeSandbox.Events;
using Wolverine;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>/stripe-sandbox/control/faults</c>: read (GET), set (POST; fields left out keep their value) or clear (DELETE)
/// the delivery faults. Clearing releases any events still held for reordering.
/// </summary>
public static class ControlFaults
{
    public sealed record Request(int? Duplicate, int? DelayMs, int? FailFirst, int? Reorder);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Duplicate).InclusiveBetween(1, 10);
            RuleFor(x => x.DelayMs).InclusiveBetween(0, 3_600_000);
            RuleFor(x => x.FailFirst).InclusiveBetween(0, 10);
            RuleFor(x => x.Reorder).InclusiveBetween(0, 100);
        }
    }

    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/faults", (SandboxFaults faults) => TypedResults.Ok(faults.Current));
        control.MapPost("/faults", Set).Validate<Request>();
        control.MapDelete("/faults", ClearAsync);
    }

    public static IResult Set(Request request, SandboxFaults faults)
    {
        faults.Set(request.Duplicate, request.DelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, request.FailFirst, request.Reorder);
        return TypedResults.Ok(faults.Current);
    }

    public static async Task<IResult> ClearAsync(SandboxFaults faults, IMessageBus bus)
    {
        foreach (var held in faults.Clear())
        {
            await bus.PublishAsync(new DeliverSandboxEvent(held, FaultsApplied: true));
        }

        return TypedResults.Ok(faults.Current);
    }
}
