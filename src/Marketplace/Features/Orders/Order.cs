namespace Marketplace.Features.Orders;

public enum OrderStatus
{
    Placed,
    AwaitingPayment,
    Paid,
    Fulfilled,
    Expired,
    Cancelled,
    PartlyRefunded,
    Refunded,
    Disputed,
}

/// <summary>
/// An order as its events make it: the inline snapshot of the order's stream, stored in the events' transaction, which
/// every read and every decision loads (with the stream's version checked on write).
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; }
    public Guid BuyerId { get; set; }
    public OrderStatus Status { get; set; }
    public string Currency { get; set; } = "";
    public List<OrderLine> Lines { get; set; } = [];
    public List<ShopShare> Shops { get; set; } = [];
    public long Total { get; set; }
    public long PlatformFee { get; set; }
    public string? CheckoutSessionId { get; set; }
    public string? CheckoutUrl { get; set; }
    public DateTimeOffset? CheckoutExpiresAt { get; set; }
    public string? PaymentIntentId { get; set; }
    public string? ChargeId { get; set; }
    public long AmountCharged { get; set; }

    /// <summary>The transfer of each shop's share, by shop id.</summary>
    public Dictionary<Guid, string> Transfers { get; set; } = [];

    /// <summary>The refunds decided, in order; each one's money moves are recorded under its key.</summary>
    public List<RefundRequested> Refunds { get; set; } = [];

    /// <summary>Keys of the refunds whose money went back to the buyer.</summary>
    public List<string> RefundsDone { get; set; } = [];

    /// <summary>Stripe's ids of the refunds (and disputes) already accounted for: a charge.refunded replay finds them here.</summary>
    public List<string> StripeRefundIds { get; set; } = [];

    /// <summary>"{refund key}:{shop id}" of each transfer reversal made.</summary>
    public List<string> Reversals { get; set; } = [];

    public string? DisputeId { get; set; }
    public List<string> ClosedDisputes { get; set; } = [];

    public DateTimeOffset PlacedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedReason { get; set; }

    /// <summary>Still waiting for its payment: it may be paid, expire or be cancelled.</summary>
    public bool IsOpen => Status is OrderStatus.Placed or OrderStatus.AwaitingPayment;

    public bool IsPaid => Status is OrderStatus.Paid or OrderStatus.Fulfilled or OrderStatus.PartlyRefunded or OrderStatus.Refunded or OrderStatus.Disputed;

    public static Order Create(OrderPlaced placed) => new()
    {
        Id = placed.OrderId, BuyerId = placed.BuyerId, Status = OrderStatus.Placed, Currency = placed.Currency, Lines = [.. placed.Lines],
        Shops = [.. placed.Shops], Total = placed.Total, PlatformFee = placed.PlatformFee, PlacedAt = placed.At,
    };

    public void Apply(CheckoutStarted started)
    {
        CheckoutSessionId = started.SessionId;
        CheckoutUrl = started.Url;
        CheckoutExpiresAt = started.ExpiresAt;
        Status = OrderStatus.AwaitingPayment;
    }

    public void Apply(OrderPaid paid)
    {
        Status = OrderStatus.Paid;
        PaymentIntentId = paid.PaymentIntentId;
        ChargeId = paid.ChargeId;
        AmountCharged = paid.AmountCharged;
        PaidAt = paid.At;
        CheckoutUrl = null;
    }

    public void Apply(OrderFulfilled _) => Status = OrderStatus.Fulfilled;

    public void Apply(ShopTransferred transferred) => Transfers[transferred.ShopId] = transferred.TransferId;

    public void Apply(OrderExpired expired) => Close(OrderStatus.Expired, "The checkout expired before it was paid.", expired.At);

    public void Apply(OrderCancelled cancelled) => Close(OrderStatus.Cancelled, cancelled.Reason, cancelled.At);

    public void Apply(PaymentAfterClose late)
    {
        PaymentIntentId = late.PaymentIntentId;
        ChargeId = late.ChargeId;
        AmountCharged = late.AmountCharged;
    }

    public void Apply(RefundRequested requested)
    {
        Refunds.Add(requested);
        if (requested.MovedBy is { } movedBy)
        {
            StripeRefundIds.Add(movedBy);
        }

        if (PaidAt is not null && Status != OrderStatus.Disputed)
        {
            Status = StatusAfterRefunds();
        }
    }

    public void Apply(OrderRefunded refunded)
    {
        RefundsDone.Add(refunded.Key);
        if (!StripeRefundIds.Contains(refunded.RefundId))
        {
            StripeRefundIds.Add(refunded.RefundId);
        }
    }

    public void Apply(TransferReversed reversed) => Reversals.Add(ReversalKey(reversed.Key, reversed.ShopId));

    public void Apply(OrderDisputed disputed)
    {
        DisputeId = disputed.DisputeId;
        Status = OrderStatus.Disputed;
    }

    public void Apply(DisputeClosed closed)
    {
        ClosedDisputes.Add(closed.DisputeId);
        Status = StatusAfterRefunds();
    }

    /// <summary>What of a line was refunded so far (its whole amount when the line is refunded).</summary>
    public long RefundedOf(int line) => Refunds.SelectMany(r => r.Lines).Where(l => l.Line == line).Sum(l => l.Amount);

    public bool IsLineRefunded(OrderLine line) => RefundedOf(line.Number) >= line.Amount;

    /// <summary>What of a shop's subtotal was refunded so far, and the fee given back on it.</summary>
    public (long Amount, long FeeReturned) RefundedOf(Guid shopId) =>
        (Refunds.SelectMany(r => r.Shops).Where(s => s.ShopId == shopId).Sum(s => s.Amount),
         Refunds.SelectMany(r => r.Shops).Where(s => s.ShopId == shopId).Sum(s => s.FeeReturned));

    public static string ReversalKey(string refundKey, Guid shopId) => $"{refundKey}:{shopId:N}";

    private OrderStatus StatusAfterRefunds() =>
        Lines.All(IsLineRefunded) ? OrderStatus.Refunded : Lines.Any(l => RefundedOf(l.Number) > 0) ? OrderStatus.PartlyRefunded : OrderStatus.Fulfilled;

    private void Close(OrderStatus status, string reason, DateTimeOffset at)
    {
        Status = status;
        ClosedReason = reason;
        ClosedAt = at;
        CheckoutUrl = null;
    }
}
