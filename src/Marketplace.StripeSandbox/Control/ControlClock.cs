using FluentValidation;
using Marketplace.StripeSandbox.Balances;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// The sandbox's clock, which tests move instead of waiting: <c>GET /stripe-sandbox/control/clock</c> answers
/// <c>{now, offsetSeconds}</c>; <c>POST /stripe-sandbox/control/clock/advance</c> <c>{"days": 2, "hours": 0, "seconds": 0}</c>
/// moves it forward (never back) and makes every pending fund whose <c>available_on</c> it reached available
/// (<c>balance.available</c> per account whose funds moved). Objects and events made afterwards carry the new time.
/// </summary>
[WolverineHandler]
public static class ControlClock
{
    public sealed record AdvanceRequest(int Days = 0, int Hours = 0, long Seconds = 0)
    {
        public long TotalSeconds => (Days * 86_400L) + (Hours * 3_600L) + Seconds;
    }

    public sealed class Validator : AbstractValidator<AdvanceRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Days).InclusiveBetween(0, 3650);
            RuleFor(x => x.Hours).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Seconds).GreaterThanOrEqualTo(0);
            RuleFor(x => x.TotalSeconds).InclusiveBetween(1, 3650L * 86_400).WithName("days").WithMessage("Advance the clock by at least a second, at most ten years.");
        }
    }

    public sealed record Advance(long Seconds);

    public sealed record Response(long Now, long OffsetSeconds);

    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/clock", ReadAsync);
        control.MapPost("/clock/advance", AdvanceAsync).Validate<AdvanceRequest>();
    }

    public static async Task<IResult> ReadAsync(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var sandboxClock = await SandboxClock.LoadAsync(session, ct);
        return TypedResults.Ok(new Response(clock.GetUtcNow().ToUnixTimeSeconds() + sandboxClock.OffsetSeconds, sandboxClock.OffsetSeconds));
    }

    public static async Task<IResult> AdvanceAsync(AdvanceRequest request, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<Response>(new Advance(request.TotalSeconds), ct, SandboxTransaction.InvokeTimeout));

    public static async Task<Response> HandleAsync(Advance command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var sandboxClock = await SandboxClock.LoadAsync(session, ct);
        sandboxClock.OffsetSeconds += command.Seconds;
        session.Store(sandboxClock);
        var transaction = SandboxTransaction.At(session, messages, clock, sandboxClock);
        await SandboxFunds.SettleAllDueAsync(transaction, ct);
        return new Response(transaction.UnixNow, sandboxClock.OffsetSeconds);
    }
}
