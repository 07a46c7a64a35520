using Marten;
using Stripe;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Marketplace.Features.Orders;

/// <summary>Moves the money of a refund already recorded on its order (<see cref="RefundRequested"/>): one durable message per refund.</summary>
public sealed record IssueRefund(Guid OrderId, string Key);

/// <summary>
/// Refunds the buyer on the charge (unless the money already went back: a dashboard refund, a dispute), then reverses
/// each shop's transfer by its part. Every Stripe call carries an idempotency key derived from the refund's key, and
/// each movement is recorded in the order's stream and skipped when found there: a retry or a duplicate message moves
/// nothing twice.
/// </summary>
public static class IssueRefundHandler
{
    public const string RefundKeyMetadata = "refund_key";

    /// <summary>As the transfers: retried quickly, then over hours (a transfer not made yet), then the dead letters.</summary>
    public static void Configure(HandlerChain chain) => chain.OnAnyException()
        .RetryWithCooldown(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
        .Then.ScheduleRetry(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6))
        .Then.MoveToErrorQueue();

    public static async Task HandleAsync(IssueRefund message, IDocumentSession session, IStripeClient stripe, TimeProvider clock, CancellationToken ct)
    {
        await OrderLocks.HoldAsync(session, [OrderLocks.OrderKey(message.OrderId)], ct);
        var stream = await session.Events.FetchForWriting<Order>(message.OrderId, ct);
        var order = stream.Aggregate ?? throw new InvalidOperationException($"Refund {message.Key} names order {message.OrderId}, which does not exist.");
        var refund = order.Refunds.Single(r => r.Key == message.Key);
        if (!order.RefundsDone.Contains(refund.Key))
        {
            var refundId = refund.MovedBy ?? (await new RefundService(stripe).CreateAsync(new RefundCreateOptions
            {
                Charge = order.ChargeId ?? throw new InvalidOperationException($"Order {order.Id} has no charge to refund."),
                Amount = refund.Amount,
                Reason = refund.Cause == RefundCauses.PaymentAfterClose ? "duplicate" : "requested_by_customer",
                Metadata = new Dictionary<string, string> { [OrderMetadata.OrderId] = order.Id.ToString(), [RefundKeyMetadata] = refund.Key },
            }, new RequestOptions { IdempotencyKey = $"refund-{refund.Key}" }, ct)).Id;
            stream.AppendOne(new OrderRefunded(refund.Key, refundId, refund.Amount, clock.GetUtcNow()));
        }

        var reversals = new TransferReversalService(stripe);
        foreach (var shop in refund.Shops.Where(s => s.Reversal > 0 && !order.Reversals.Contains(Order.ReversalKey(refund.Key, s.ShopId))))
        {
            // The shop's transfer may still be on its way (its own durable message): this refund is retried until it is there.
            var transferId = order.Transfers.GetValueOrDefault(shop.ShopId)
                ?? throw new InvalidOperationException($"Shop {shop.ShopId} has no transfer on order {order.Id} yet to reverse.");
            var reversal = await reversals.CreateAsync(transferId, new TransferReversalCreateOptions
            {
                Amount = shop.Reversal, Description = $"Refund of order {order.Id}",
                Metadata = new Dictionary<string, string>
                {
                    [OrderMetadata.OrderId] = order.Id.ToString(), [OrderMetadata.ShopId] = shop.ShopId.ToString(), [RefundKeyMetadata] = refund.Key,
                },
            }, new RequestOptions { IdempotencyKey = $"reversal-{refund.Key}-shop-{shop.ShopId:N}" }, ct);
            stream.AppendOne(new TransferReversed(refund.Key, shop.ShopId, reversal.Id, reversal.Amount, clock.GetUtcNow()));
        }
    }
}

/// <summary>Why a refund was made (<see cref="RefundRequested.Cause"/>).</summary>
public static class RefundCauses
{
    public const string Request = "request";
    public const string Dashboard = "dashboard";
    public const string PaymentAfterClose = "payment_after_close";
    public const string DisputeLost = "dispute_lost";
}
