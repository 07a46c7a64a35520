namespace Marketplace.Features.Orders;

/// <summary>A product line of an order, priced when the order was placed.</summary>
public sealed record OrderLine(int Number, Guid ProductId, Guid ShopId, string Title, long UnitAmount, int Quantity, bool LimitedEdition)
{
    public long Amount => UnitAmount * Quantity;
}

/// <summary>A shop's part of an order: its lines' subtotal, the platform's fee on it, and what is transferred to the shop.</summary>
public sealed record ShopShare(Guid ShopId, string ShopName, long Subtotal, long Fee, long Share);

// The order's events, in its stream (one stream per order, under the order's id).

public sealed record OrderPlaced(
    Guid OrderId, Guid BuyerId, string Currency, IReadOnlyList<OrderLine> Lines, IReadOnlyList<ShopShare> Shops, long Total, long PlatformFee,
    DateTimeOffset At);

public sealed record CheckoutStarted(string SessionId, string Url, DateTimeOffset ExpiresAt, DateTimeOffset At);

/// <summary>The order was paid; a free order (total 0) is paid with nothing charged and no Stripe ids.</summary>
public sealed record OrderPaid(string? PaymentIntentId, string? ChargeId, long AmountCharged, DateTimeOffset At);

/// <summary>The buyer's entitlements were granted, one per line.</summary>
public sealed record OrderFulfilled(IReadOnlyList<Guid> EntitlementIds, DateTimeOffset At);

/// <summary>A shop's share left the platform's balance for the shop's connected account.</summary>
public sealed record ShopTransferred(Guid ShopId, string TransferId, long Amount, DateTimeOffset At);

public sealed record OrderExpired(DateTimeOffset At);

public sealed record OrderCancelled(string Reason, DateTimeOffset At);

/// <summary>Stripe took a payment for an order already closed (the buyer paid as the session expired): to be refunded.</summary>
public sealed record PaymentAfterClose(string PaymentIntentId, string ChargeId, long AmountCharged, DateTimeOffset At);

// Refunds and disputes (docs/orders.md#refunds): the request is recorded first, with the entitlements it revokes; the
// money moves afterwards (IssueRefund), each movement recorded under the request's key.

/// <summary>What a refund takes back from one line (a line may be refunded in parts by refunds made in Stripe's dashboard).</summary>
public sealed record LineRefund(int Line, long Amount);

/// <summary>A shop's part of a refund: the amount of its lines, the platform's fee given back on them, and the transfer reversal (the rest).</summary>
public sealed record ShopRefund(Guid ShopId, long Amount, long FeeReturned, long Reversal);

/// <summary>
/// A refund decided: by a seller or an admin (<c>request</c>), found on the charge (<c>dashboard</c>), a payment after
/// the order closed (<c>payment_after_close</c>), or a lost dispute (<c>dispute_lost</c>). <paramref name="MovedBy"/> is the
/// Stripe object that already moved the money (a refund made in the dashboard, a dispute), or null when we refund.
/// </summary>
public sealed record RefundRequested(
    string Key, string Cause, IReadOnlyList<LineRefund> Lines, IReadOnlyList<ShopRefund> Shops, long Amount, string Reason, Guid? RequestedBy,
    string? MovedBy, DateTimeOffset At);

/// <summary>The buyer's money went back (our Stripe refund, or the one that was already made).</summary>
public sealed record OrderRefunded(string Key, string RefundId, long Amount, DateTimeOffset At);

/// <summary>A shop's transfer was reversed for its part of a refund.</summary>
public sealed record TransferReversed(string Key, Guid ShopId, string ReversalId, long Amount, DateTimeOffset At);

public sealed record OrderDisputed(string DisputeId, long Amount, DateTimeOffset At);

public sealed record DisputeClosed(string DisputeId, bool Won, DateTimeOffset At);
