using Marketplace.Features.StripeWebhooks;
using Marten;
using Stripe;
using Wolverine;

namespace Marketplace.Features.Orders;

/// <summary>
/// A buyer disputed an order's charge. <c>charge.dispute.created</c> freezes the order's active entitlements and tells
/// its sellers and the admins; <c>charge.dispute.closed</c> won gives the frozen ones back; lost revokes them all and
/// records a refund of the disputed amount that Stripe already took (<see cref="RefundCauses.DisputeLost"/>): spread
/// over the lines in proportion, so each shop's transfer is reversed by its lines' part (docs/orders.md#disputes).
/// Each dispute is recorded once in the order's stream, so replays do nothing.
/// </summary>
public static class OrderDisputesHandler
{
    public static async Task HandleAsync(
        ChargeDisputeEvent message, IDocumentSession session, StripeEventQueue queue, IStripeClient stripe, IMessageBus messages, TimeProvider clock,
        OrderMails mails, CancellationToken ct)
    {
        if (await StripeEventRecords.BeginAsync(session, queue, message.EventId, ct) is not { } record)
        {
            return;
        }

        if (EventUtility.ParseEvent(record.Payload, throwOnApiVersionMismatch: false).Data.Object is Dispute dispute
            && await ReconcileRefundHandler.OrderOfChargeAsync(session, stripe, messages, dispute.ChargeId, dispute.PaymentIntentId, ct) is { } orderId)
        {
            await OrderLocks.HoldAsync(session, [OrderLocks.OrderKey(orderId)], ct);
            var stream = await session.Events.FetchForWriting<Order>(orderId, ct);
            var order = stream.Aggregate!;
            var now = clock.GetUtcNow();
            if (record.Type == EventTypes.ChargeDisputeCreated && order.DisputeId != dispute.Id)
            {
                stream.AppendOne(new OrderDisputed(dispute.Id, dispute.Amount, now));
                await SetStateAsync(session, order.Id, EntitlementState.Active, EntitlementState.Frozen, ct);
                await messages.PublishAsync(ProductsOf(order));
                foreach (var mail in await mails.ForDisputeAsync(session, order, dispute.Amount, ct))
                {
                    await messages.PublishAsync(mail);
                }
            }
            else if (record.Type == EventTypes.ChargeDisputeClosed && order.DisputeId == dispute.Id && !order.ClosedDisputes.Contains(dispute.Id))
            {
                await CloseAsync(session, messages, stream, dispute, now, ct);
            }
        }

        StripeEventRecords.Complete(session, queue, record, clock);
    }

    private static async Task CloseAsync(
        IDocumentSession session, IMessageBus messages, JasperFx.Events.IEventStream<Order> stream, Dispute dispute, DateTimeOffset now, CancellationToken ct)
    {
        var order = stream.Aggregate!;
        var won = dispute.Status != "lost";
        stream.AppendOne(new DisputeClosed(dispute.Id, won, now));
        if (won)
        {
            await SetStateAsync(session, order.Id, EntitlementState.Frozen, EntitlementState.Active, ct);
            await messages.PublishAsync(ProductsOf(order));
            return;
        }

        await RefundPlan.RevokeAsync(session, order.Id, null, ct);
        await messages.PublishAsync(ProductsOf(order));
        var lines = RefundPlan.Proportional(order, dispute.Amount);
        if (lines.Count > 0)
        {
            await RefundPlan.RecordAsync(session, messages, stream, order, RefundPlan.KeyOf(order.Id, dispute.Id), RefundCauses.DisputeLost, lines,
                "The buyer's dispute was lost.", null, dispute.Id, now, ct);
        }
    }

    private static EntitlementsChanged ProductsOf(Order order) => new(order.BuyerId, [.. order.Lines.Select(l => l.ProductId).Distinct()]);

    private static async Task SetStateAsync(IDocumentSession session, Guid orderId, EntitlementState from, EntitlementState to, CancellationToken ct)
    {
        foreach (var entitlement in await session.Query<Entitlement>().Where(e => e.OrderId == orderId && e.State == from).ToListAsync(ct))
        {
            entitlement.State = to;
            session.Update(entitlement);
        }
    }
}
