using Marten;
using JasperFx.Events;
using Wolverine;

namespace Marketplace.Features.Orders;

/// <summary>
/// Turns what a refund takes back from each line into its shops' parts (docs/orders.md#refunds) and records it: the
/// request in the order's stream, the entitlements of the lines now wholly refunded revoked, and the durable message
/// that moves the money (<see cref="IssueRefund"/>), all in the caller's transaction.
/// </summary>
public static class RefundPlan
{
    public static string KeyOf(Guid orderId, string what) => $"order-{orderId:N}-{what}";

    /// <summary>
    /// Each shop gets back the amount of its lines; the platform gives back its fee in proportion (<see cref="Fees.FeeReturnedAfter"/>)
    /// and the shop's transfer is reversed by the rest. An order never paid out (a payment after close) reverses nothing.
    /// </summary>
    public static IReadOnlyList<ShopRefund> ShopsOf(Order order, IReadOnlyList<LineRefund> lines) =>
        [.. lines.GroupBy(l => order.Lines.Single(o => o.Number == l.Line).ShopId).Select(group =>
        {
            var shop = order.Shops.Single(s => s.ShopId == group.Key);
            var amount = group.Sum(l => l.Amount);
            var (before, feeBefore) = order.RefundedOf(shop.ShopId);
            var feeReturned = Fees.FeeReturnedAfter(before + amount, shop.Subtotal, shop.Fee) - feeBefore;
            return new ShopRefund(shop.ShopId, amount, feeReturned, order.PaidAt is null ? 0 : amount - feeReturned);
        })];

    /// <summary>The whole of what is left of each of these lines.</summary>
    public static IReadOnlyList<LineRefund> WholeLines(Order order, IEnumerable<int> numbers) =>
        [.. numbers.Order().Select(n => new LineRefund(n, order.Lines.Single(l => l.Number == n).Amount - order.RefundedOf(n))).Where(l => l.Amount > 0)];

    /// <summary>A refund of an amount that names no lines (made in Stripe's dashboard): the newest lines first, each wholly before the next.</summary>
    public static IReadOnlyList<LineRefund> NewestLinesFirst(Order order, long amount)
    {
        var lines = new List<LineRefund>();
        foreach (var line in order.Lines.OrderByDescending(l => l.Number))
        {
            var part = Math.Min(amount, line.Amount - order.RefundedOf(line.Number));
            if (part > 0)
            {
                lines.Add(new LineRefund(line.Number, part));
                amount -= part;
            }
        }

        return lines;
    }

    /// <summary>
    /// A disputed amount spread over what is left of every line in proportion (largest remainder: the parts add up to
    /// the amount exactly; ties go to the older line).
    /// </summary>
    public static IReadOnlyList<LineRefund> Proportional(Order order, long amount)
    {
        var left = order.Lines.Select(l => (l.Number, Left: l.Amount - order.RefundedOf(l.Number))).Where(l => l.Left > 0).ToList();
        var total = left.Sum(l => l.Left);
        amount = Math.Min(amount, total);
        if (amount <= 0)
        {
            return [];
        }

        var parts = left.Select(l => (l.Number, l.Left, Part: checked(amount * l.Left / total), Remainder: checked(amount * l.Left % total))).ToList();
        var missing = amount - parts.Sum(p => p.Part);
        var extra = parts.OrderByDescending(p => p.Remainder).ThenBy(p => p.Number).Take((int)missing).Select(p => p.Number).ToHashSet();
        return [.. parts.Select(p => new LineRefund(p.Number, p.Part + (extra.Contains(p.Number) ? 1 : 0))).Where(l => l.Amount > 0)];
    }

    /// <summary>Appends the request (planned on <paramref name="order"/>, the stream's order as this session has it), revokes the entitlements of the lines it finishes refunding, and publishes the money's message.</summary>
    public static async Task<RefundRequested> RecordAsync(
        IDocumentSession session, IMessageBus messages, IEventStream<Order> stream, Order order, string key, string cause, IReadOnlyList<LineRefund> lines,
        string reason, Guid? requestedBy, string? movedBy, DateTimeOffset at, CancellationToken ct)
    {
        var requested = new RefundRequested(key, cause, lines, ShopsOf(order, lines), lines.Sum(l => l.Amount), reason, requestedBy, movedBy, at);
        stream.AppendOne(requested);
        var finished = lines.Where(l => order.RefundedOf(l.Line) + l.Amount >= order.Lines.Single(o => o.Number == l.Line).Amount).Select(l => l.Line).ToList();
        if (finished.Count > 0)
        {
            await RevokeAsync(session, order.Id, finished, ct);
            await messages.PublishAsync(new EntitlementsChanged(order.BuyerId, [.. order.Lines.Where(l => finished.Contains(l.Number)).Select(l => l.ProductId).Distinct()]));
        }

        await messages.PublishAsync(new IssueRefund(order.Id, key));
        return requested;
    }

    /// <summary>Revokes the order's entitlements of these lines (all of them when null), whatever their state.</summary>
    public static async Task RevokeAsync(IDocumentSession session, Guid orderId, IReadOnlyList<int>? lines, CancellationToken ct)
    {
        var entitlements = await session.Query<Entitlement>().Where(e => e.OrderId == orderId).ToListAsync(ct);
        foreach (var entitlement in entitlements.Where(e => e.State != EntitlementState.Revoked && (lines is null || lines.Contains(e.Line))))
        {
            entitlement.State = EntitlementState.Revoked;
            session.Update(entitlement);
        }
    }
}
