using JasperFx.Events;
using Marketplace.Features.Orders;
using Marketplace.Infrastructure.Payments;

namespace Marketplace.Features.Sales;

/// <summary>
/// A paid order as one of its shops sees it: that shop's lines only, its subtotal, the platform's fee on it and its share,
/// what of it was refunded, and (in the detail) the events that concern the shop. Nothing of the buyer's other shops: no
/// order total, no platform fee of the whole order, no other lines, no other shop's transfer.
/// </summary>
public sealed record ShopOrderView(
    Guid OrderId, Guid ShopId, string Status, string Currency, DateTimeOffset PlacedAt, DateTimeOffset? PaidAt, IReadOnlyList<ShopOrderView.Line> Lines,
    long Subtotal, long Fee, long Share, long Refunded, long FeeReturned, long Reversed, string? TransferId, IReadOnlyList<ShopOrderView.Step>? Timeline)
{
    public sealed record Line(int Number, Guid ProductId, string Title, long UnitAmount, int Quantity, long Amount, long Refunded);

    public sealed record Step(string Type, DateTimeOffset At, string Text);

    /// <summary>Whether the shop has a line in the order and the order was paid: the only orders a shop is shown.</summary>
    public static bool Concerns(Order order, Guid shopId) => order.PaidAt is not null && order.Shops.Any(s => s.ShopId == shopId);

    public static ShopOrderView Of(Order order, Guid shopId, IReadOnlyList<IEvent>? events = null)
    {
        var share = order.Shops.Single(s => s.ShopId == shopId);
        var lines = order.Lines.Where(l => l.ShopId == shopId)
            .Select(l => new Line(l.Number, l.ProductId, l.Title, l.UnitAmount, l.Quantity, l.Amount, order.RefundedOf(l.Number))).ToList();
        var (refunded, feeReturned) = order.RefundedOf(shopId);
        var reversed = order.Refunds.SelectMany(r => r.Shops).Where(s => s.ShopId == shopId).Sum(s => s.Reversal);
        return new ShopOrderView(order.Id, shopId, StatusOf(order, lines), order.Currency, order.PlacedAt, order.PaidAt, lines, share.Subtotal, share.Fee,
            share.Share, refunded, feeReturned, reversed, order.Transfers.GetValueOrDefault(shopId),
            events is null ? null : [.. events.Select(e => Describe(order, share, e)).OfType<Step>()]);
    }

    /// <summary>The order's state as far as the shop's lines go: a refund of another shop's line leaves this shop's part paid.</summary>
    public static string StatusOf(Order order, IReadOnlyList<Line> lines) =>
        order.Status == OrderStatus.Disputed ? "disputed"
        : lines.All(l => l.Refunded >= l.Amount) ? "refunded"
        : lines.Any(l => l.Refunded > 0) ? "partly_refunded"
        : "paid";

    /// <summary>A step of the shop's timeline; null for what concerns only the buyer or another shop.</summary>
    private static Step? Describe(Order order, ShopShare share, IEvent e)
    {
        var currency = order.Currency;
        return e.Data switch
        {
            OrderPaid => new("paid", e.Timestamp,
                $"The buyer paid {Money.Format(share.Subtotal, currency)} for your lines; the platform's fee is {Money.Format(share.Fee, currency)}, your share {Money.Format(share.Share, currency)}."),
            ShopTransferred transferred when transferred.ShopId == share.ShopId => new("transferred", e.Timestamp,
                $"{Money.Format(transferred.Amount, currency)} transferred to your Stripe balance ({transferred.TransferId})."),
            RefundRequested requested when requested.Shops.FirstOrDefault(s => s.ShopId == share.ShopId) is { } part => new("refund_requested", e.Timestamp,
                $"{RefundWhat(requested.Cause)} of {Money.Format(part.Amount, currency)} for {Titles(order, share.ShopId, requested)}: " +
                $"{Money.Format(part.Reversal, currency)} taken back from your transfer, {Money.Format(part.FeeReturned, currency)} of fee given back by the platform."),
            TransferReversed reversed when reversed.ShopId == share.ShopId => new("transfer_reversed", e.Timestamp,
                $"{Money.Format(reversed.Amount, currency)} taken back from your transfer ({reversed.ReversalId})."),
            OrderDisputed disputed => new("disputed", e.Timestamp,
                $"The buyer disputed the payment ({Money.Format(ShopSalesAllocation.Prorate(order, disputed.Amount).GetValueOrDefault(share.ShopId), currency)} of it is your lines'); their downloads are frozen."),
            DisputeClosed closed => new("dispute_closed", e.Timestamp,
                closed.Won ? "The dispute was won: the buyer's downloads are back." : "The dispute was lost: your transfer is reversed by your lines' part."),
            _ => null,
        };
    }

    private static string RefundWhat(string cause) => cause switch
    {
        RefundCauses.DisputeLost => "Settled by the lost dispute",
        RefundCauses.Dashboard => "Refund made in Stripe's dashboard",
        _ => "Refund",
    };

    private static string Titles(Order order, Guid shopId, RefundRequested requested) =>
        string.Join(", ", requested.Lines.Select(r => order.Lines.FirstOrDefault(l => l.Number == r.Line && l.ShopId == shopId)?.Title).OfType<string>());
}
