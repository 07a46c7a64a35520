using JasperFx.Events;
using Marketplace.Infrastructure.Payments;

namespace Marketplace.Features.Orders;

/// <summary>An order as its buyer reads it (API and pages): status, lines, total, and with the detail its timeline.</summary>
public sealed record OrderView(
    Guid OrderId, string Status, string StatusText, string Currency, long Total, IReadOnlyList<OrderView.Line> Lines, DateTimeOffset PlacedAt,
    DateTimeOffset? PaidAt, DateTimeOffset? ClosedAt, string? CheckoutUrl, IReadOnlyList<OrderView.Step>? Timeline)
{
    public sealed record Line(int Number, Guid ProductId, string Title, string ShopName, long UnitAmount, int Quantity, long Amount);

    public sealed record Step(string Type, DateTimeOffset At, string Text);

    public static OrderView Of(Order order, IReadOnlyList<IEvent>? events = null)
    {
        var shops = order.Shops.ToDictionary(s => s.ShopId, s => s.ShopName);
        return new OrderView(order.Id, StatusName(order.Status), TextOf(order), order.Currency, order.Total,
            [.. order.Lines.Select(l => new Line(l.Number, l.ProductId, l.Title, shops.GetValueOrDefault(l.ShopId, ""), l.UnitAmount, l.Quantity, l.Amount))],
            order.PlacedAt, order.PaidAt, order.ClosedAt, order.Status == OrderStatus.AwaitingPayment ? order.CheckoutUrl : null,
            events is null ? null : [.. events.Select(e => Describe(order, e)).OfType<Step>()]);
    }

    public static string StatusName(OrderStatus status) => status switch
    {
        OrderStatus.AwaitingPayment => "awaiting_payment",
        OrderStatus.PartlyRefunded => "partly_refunded",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string TextOf(Order order) => order.Status switch
    {
        OrderStatus.Placed or OrderStatus.AwaitingPayment when order.Total == 0 => "Free: your downloads are being added to your library.",
        OrderStatus.Placed or OrderStatus.AwaitingPayment => "Waiting for your payment.",
        OrderStatus.Paid or OrderStatus.Fulfilled when order.Total == 0 => "Free. Your downloads are in your library.",
        OrderStatus.Paid => "Paid. Your downloads are being prepared.",
        OrderStatus.Fulfilled => "Paid. Your downloads are in your library.",
        OrderStatus.Expired or OrderStatus.Cancelled => order.ClosedReason ?? "Closed without payment.",
        OrderStatus.PartlyRefunded => "Partly refunded.",
        OrderStatus.Refunded => "Refunded.",
        _ => "Under dispute.",
    };

    /// <summary>A step of the buyer's timeline; null for events that are not theirs to see (the shops' transfers).</summary>
    private static Step? Describe(Order order, IEvent e) => e.Data switch
    {
        OrderPlaced placed => new("placed", e.Timestamp, $"Order placed: {placed.Lines.Count} product(s), {Money.Format(placed.Total, placed.Currency)}."),
        CheckoutStarted => new("checkout_started", e.Timestamp, "Checkout opened."),
        OrderPaid { ChargeId: null } => new("paid", e.Timestamp, "Nothing to pay: the products are free."),
        OrderPaid paid => new("paid", e.Timestamp, $"Payment of {Money.Format(paid.AmountCharged, order.Currency)} received."),
        OrderFulfilled => new("fulfilled", e.Timestamp, "Downloads added to your library."),
        OrderExpired => new("expired", e.Timestamp, "The checkout expired before it was paid."),
        OrderCancelled cancelled => new("cancelled", e.Timestamp, cancelled.Reason),
        PaymentAfterClose => new("payment_after_close", e.Timestamp, "A payment arrived after the order closed; it will be refunded."),
        RefundRequested requested => new("refund_requested", e.Timestamp, RefundText(order, requested)),
        OrderRefunded refunded => new("refunded", e.Timestamp, $"{Money.Format(refunded.Amount, order.Currency)} went back to your payment method."),
        OrderDisputed disputed => new("disputed", e.Timestamp, $"The payment is disputed ({Money.Format(disputed.Amount, order.Currency)}); downloads are frozen meanwhile."),
        DisputeClosed closed => new("dispute_closed", e.Timestamp,
            closed.Won ? "The dispute was closed in the seller's favour; downloads are back." : "The dispute was closed in the buyer's favour; the downloads are revoked."),
        _ => null,
    };

    private static string RefundText(Order order, RefundRequested requested)
    {
        var titles = string.Join(", ", requested.Lines.Select(l => order.Lines.FirstOrDefault(o => o.Number == l.Line)?.Title).OfType<string>());
        var what = requested.Cause switch
        {
            RefundCauses.DisputeLost => "Settled by the dispute",
            RefundCauses.PaymentAfterClose => "Refund of the late payment",
            _ => "Refund",
        };
        return $"{what}: {Money.Format(requested.Amount, order.Currency)} for {titles}.{(requested.Cause == RefundCauses.Request ? $" Reason: {requested.Reason}" : "")}";
    }
}
