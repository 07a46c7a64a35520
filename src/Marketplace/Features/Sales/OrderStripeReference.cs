using JasperFx.Events;
using Marketplace.Features.Orders;
using Marten;
using Marten.Events.Projections;

namespace Marketplace.Features.Sales;

/// <summary>
/// One Stripe object of an order, under Stripe's own id (<c>cs_</c>, <c>pi_</c>, <c>ch_</c>, <c>tr_</c>, <c>re_</c>,
/// <c>trr_</c>, <c>dp_</c>): the admin order search finds an order from any of them by this document's primary key.
/// </summary>
public sealed class OrderStripeReference
{
    public string Id { get; set; } = "";
    public Guid OrderId { get; set; }

    /// <summary>What the object is: <c>checkout_session</c>, <c>payment_intent</c>, <c>charge</c>, <c>transfer</c>, ...</summary>
    public string Kind { get; set; } = "";

    public static string KindOf(string stripeId) => stripeId[..Math.Max(0, stripeId.IndexOf('_', StringComparison.Ordinal))] switch
    {
        "cs" => "checkout_session",
        "pi" => "payment_intent",
        "ch" or "py" => "charge",
        "tr" => "transfer",
        "trr" => "transfer_reversal",
        "re" or "pyr" => "refund",
        "dp" or "du" => "dispute",
        _ => "object",
    };
}

/// <summary>
/// Writes an <see cref="OrderStripeReference"/> for every Stripe id an order's events record, inline, in the events'
/// transaction: a search by an id recorded a moment ago finds its order. Ids never move to another order, so a replay
/// or a rebuild writes the same documents again.
/// </summary>
public sealed partial class OrderStripeReferenceProjection : EventProjection
{
    public OrderStripeReferenceProjection()
    {
        Name = "OrderStripeReferences";
        IncludeType<CheckoutStarted>();
        IncludeType<OrderPaid>();
        IncludeType<PaymentAfterClose>();
        IncludeType<ShopTransferred>();
        IncludeType<RefundRequested>();
        IncludeType<OrderRefunded>();
        IncludeType<TransferReversed>();
        IncludeType<OrderDisputed>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        foreach (var id in IdsOf(e.Data).Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal))
        {
            operations.Store(new OrderStripeReference { Id = id!, OrderId = e.StreamId, Kind = OrderStripeReference.KindOf(id!) });
        }

        return ValueTask.CompletedTask;
    }

    private static IEnumerable<string?> IdsOf(object data) => data switch
    {
        CheckoutStarted started => [started.SessionId],
        OrderPaid paid => [paid.PaymentIntentId, paid.ChargeId],
        PaymentAfterClose late => [late.PaymentIntentId, late.ChargeId],
        ShopTransferred transferred => [transferred.TransferId],
        RefundRequested requested => [requested.MovedBy],
        OrderRefunded refunded => [refunded.RefundId],
        TransferReversed reversed => [reversed.ReversalId],
        OrderDisputed disputed => [disputed.DisputeId],
        _ => [],
    };
}
