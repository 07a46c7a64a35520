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

public sealed record OrderPaid(string PaymentIntentId, string ChargeId, long AmountCharged, DateTimeOffset At);

/// <summary>The buyer's entitlements were granted, one per line.</summary>
public sealed record OrderFulfilled(IReadOnlyList<Guid> EntitlementIds, DateTimeOffset At);

/// <summary>A shop's share left the platform's balance for the shop's connected account.</summary>
public sealed record ShopTransferred(Guid ShopId, string TransferId, long Amount, DateTimeOffset At);

public sealed record OrderExpired(DateTimeOffset At);

public sealed record OrderCancelled(string Reason, DateTimeOffset At);

/// <summary>Stripe took a payment for an order already closed (the buyer paid as the session expired): to be refunded.</summary>
public sealed record PaymentAfterClose(string PaymentIntentId, string ChargeId, long AmountCharged, DateTimeOffset At);

// Defined for the refunds and disputes flows (not built yet, docs/orders.md).

public sealed record OrderRefunded(string RefundId, IReadOnlyList<int> Lines, long Amount, DateTimeOffset At);

public sealed record OrderDisputed(string DisputeId, long Amount, DateTimeOffset At);

public sealed record DisputeClosed(string DisputeId, bool Won, DateTimeOffset At);
