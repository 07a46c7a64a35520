using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Marketplace.Features.Orders;

/// <summary>
/// <c>POST /api/orders/{orderId}/refunds</c>: refunds chosen lines of a paid order (all of them when none are named), by
/// the seller of every one of those lines or an admin. The request is recorded and the lines' entitlements revoked at
/// once; the money moves through a durable message (<see cref="IssueRefund"/>). A line refunds once.
/// </summary>
[WolverineHandler]
public static class RefundOrder
{
    public const int MaxReasonLength = 500;

    public sealed record Request(IReadOnlyList<int>? Lines, string Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).NotEmpty().MaximumLength(MaxReasonLength);
            RuleFor(r => r.Lines).Must(lines => lines!.Count is > 0 and <= 100).WithMessage("Name between 1 and 100 lines, or none for the whole order.")
                .Must(lines => lines!.Distinct().Count() == lines!.Count).WithMessage("Name each line once.")
                .Must(lines => lines!.All(n => n > 0)).WithMessage("Line numbers start at 1.")
                .When(r => r.Lines is not null);
        }
    }

    public sealed record Command(Guid OrderId, Guid CallerId, bool CallerIsAdmin, IReadOnlyList<int>? Lines, string Reason);

    public sealed record Response(Guid OrderId, IReadOnlyList<int> Lines, long Amount, string Currency, string Status);

    public sealed record Outcome(Response? Refund, IResult? Problem);

    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{orderId:guid}/refunds", PostAsync).Validate<Request>().RequireAuthorization(Policies.Member).WithName("RefundOrder")
            .WithSummary("Refunds lines of a paid order (the whole order when none are named): the seller of those lines or an admin.")
            .Produces<Response>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> PostAsync(Guid orderId, Request request, IMessageBus bus, HttpContext http)
    {
        var outcome = await ExecuteAsync(orderId, request, http.User, bus, http.RequestAborted);
        return outcome.Problem ?? TypedResults.Accepted($"/api/orders/{orderId}", outcome.Refund);
    }

    public static Task<Outcome> ExecuteAsync(Guid orderId, Request request, System.Security.Claims.ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<Outcome>(new Command(orderId, Members.IdOf(user)!.Value, Members.IsAdmin(user), request.Lines, request.Reason.Trim()), ct,
            UseCases.InvokeTimeout);

    /// <summary>Another writer of the order's stream (a transfer recorded) may win the commit: the decision is made again.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException(e => e.IsConcurrencyConflict(), "the order changed meanwhile").RetryTimes(3);

    public static async Task<Outcome> HandleAsync(Command command, IDocumentSession session, IMessageBus messages, TimeProvider clock, CancellationToken ct)
    {
        // Two requests for one order (a double click, two admins) take turns: the second finds the lines refunded.
        await OrderLocks.HoldAsync(session, [OrderLocks.OrderKey(command.OrderId)], ct);
        var stream = await session.Events.FetchForWriting<Order>(command.OrderId, ct);
        if (stream.Aggregate is not { } order)
        {
            return new(null, OrderProblems.OrderNotFound());
        }

        var shop = command.CallerIsAdmin ? null : await ShopAccess.OwnedByAsync(session, command.CallerId, ct);
        if (!command.CallerIsAdmin && (shop is null || order.Lines.All(l => l.ShopId != shop.Id)))
        {
            return new(null, OrderProblems.OrderNotFound());
        }

        var numbers = command.Lines ?? [.. order.Lines.Select(l => l.Number)];
        if (numbers.Where(n => order.Lines.All(l => l.Number != n)).ToList() is [_, ..] unknown)
        {
            return new(null, ValidationProblems.Field("lines", $"The order has no line {string.Join(", ", unknown)}."));
        }

        if (shop is not null && order.Lines.Any(l => numbers.Contains(l.Number) && l.ShopId != shop.Id))
        {
            return new(null, OrderProblems.NotYourLines());
        }

        if (order.PaidAt is null || order.Status == OrderStatus.Disputed)
        {
            return new(null, OrderProblems.NotRefundable(order.Status == OrderStatus.Disputed
                ? "The payment is under dispute: the dispute decides where the money goes."
                : "Only a paid order can be refunded."));
        }

        if (order.ChargeId is null || order.Lines.Where(l => numbers.Contains(l.Number)).Sum(l => l.Amount) == 0)
        {
            return new(null, OrderProblems.NotRefundable("Nothing was charged for these products (they were free): there is nothing to refund."));
        }

        if (order.Lines.Where(l => numbers.Contains(l.Number) && order.IsLineRefunded(l)).Select(l => l.Number).ToList() is [_, ..] refunded)
        {
            return new(null, OrderProblems.AlreadyRefunded($"Line {string.Join(", ", refunded)} is already refunded."));
        }

        var lines = RefundPlan.WholeLines(order, numbers);
        var key = RefundPlan.KeyOf(order.Id, $"lines-{string.Join('-', numbers.Order())}");
        var requested = await RefundPlan.RecordAsync(session, messages, stream, order, key, RefundCauses.Request, lines, command.Reason, command.CallerId, null,
            clock.GetUtcNow(), ct);
        var status = order.Lines.All(l => order.IsLineRefunded(l) || numbers.Contains(l.Number)) ? OrderStatus.Refunded : OrderStatus.PartlyRefunded;
        return new(new Response(order.Id, [.. numbers.Order()], requested.Amount, order.Currency, OrderView.StatusName(status)), null);
    }
}
