using Marketplace.Features.StripeWebhooks;
using Marten;
using Stripe;
using Marketplace.Infrastructure.Persistence;
using Wolverine;

namespace Marketplace.Features.Orders;

/// <summary>
/// <c>charge.refunded</c>: refunds made on an order's charge outside the marketplace (Stripe's dashboard) are recorded
/// as if requested: allocated to the newest lines first (<see cref="RefundPlan.NewestLinesFirst"/>), the lines wholly
/// refunded lose their entitlements, the shops' transfers are reversed by their parts. Our own refunds carry their
/// key in metadata and the ones already accounted for their id in the order, so a replay, or another refund's event,
/// records nothing twice.
/// </summary>
public static class ReconcileRefundHandler
{
    public static async Task HandleAsync(
        ChargeRefundedEvent message, IDocumentSession session, StripeEventQueue queue, IStripeClient stripe, IMessageBus messages, TimeProvider clock,
        CancellationToken ct)
    {
        if (await StripeEventRecords.BeginAsync(session, queue, message.EventId, ct) is not { } record)
        {
            return;
        }

        if (EventUtility.ParseEvent(record.Payload, throwOnApiVersionMismatch: false).Data.Object is Charge charge
            && await OrderOfChargeAsync(session, stripe, messages, charge.Id, charge.PaymentIntentId, ct) is { } orderId)
        {
            await ReconcileAsync(session, stripe, messages, orderId, charge.Id, clock, ct);
        }

        StripeEventRecords.Complete(session, queue, record, clock);
    }

    private static async Task ReconcileAsync(
        IDocumentSession session, IStripeClient stripe, IMessageBus messages, Guid orderId, string chargeId, TimeProvider clock, CancellationToken ct)
    {
        await OrderLocks.HoldAsync(session, [OrderLocks.OrderKey(orderId)], ct);
        var stream = await session.Events.FetchForWriting<Order>(orderId, ct);
        var refunds = await new RefundService(stripe).ListAsync(new RefundListOptions { Charge = chargeId, Limit = 100 }, cancellationToken: ct);
        // The stream's aggregate does not see what this session appends: a copy of it plans each refund after the previous one.
        var order = System.Text.Json.JsonSerializer.Deserialize<Order>(System.Text.Json.JsonSerializer.Serialize(stream.Aggregate!))!;
        foreach (var refund in refunds.Data.Where(r => r.Status is "succeeded" or "pending").OrderBy(r => r.Created))
        {
            var ours = refund.Metadata?.GetValueOrDefault(IssueRefundHandler.RefundKeyMetadata) is { } key && order.Refunds.Any(r => r.Key == key);
            if (ours || order.StripeRefundIds.Contains(refund.Id))
            {
                continue;
            }

            var lines = RefundPlan.NewestLinesFirst(order, refund.Amount);
            order.Apply(await RefundPlan.RecordAsync(session, messages, stream, order, RefundPlan.KeyOf(order.Id, refund.Id), RefundCauses.Dashboard, lines,
                "Refunded in Stripe's dashboard.", null, refund.Id, clock.GetUtcNow(), ct));
        }
    }

    /// <summary>
    /// The order paid by this charge: recorded on the order, or named in its payment intent's metadata. A refund or a
    /// dispute may be handled before the payment's own event: the charge they name proves the payment, which is then
    /// recorded first (in its own transaction, as the paid event would; whichever commits second finds it done).
    /// </summary>
    public static async Task<Guid?> OrderOfChargeAsync(IQuerySession session, IStripeClient stripe, IMessageBus messages, string chargeId, string? paymentIntentId, CancellationToken ct)
    {
        if (await session.Query<Order>().Where(o => o.ChargeId == chargeId).Select(o => o.Id).ToListAsync(ct) is [var id, ..])
        {
            return id;
        }

        if (paymentIntentId is null)
        {
            return null;
        }

        var intent = await new PaymentIntentService(stripe).GetAsync(paymentIntentId, cancellationToken: ct);
        if (intent.Metadata?.GetValueOrDefault(OrderMetadata.OrderId) is not { } value || !Guid.TryParse(value, out var orderId)
            || await session.LoadAsync<Order>(orderId, ct) is null)
        {
            return null;
        }

        await messages.InvokeAsync(new OrderPayment.RecordCommand(orderId, intent.Id, chargeId, intent.AmountReceived), ct, UseCases.InvokeTimeout);
        return orderId;
    }
}
