using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Orders;

/// <summary>
/// What a successful payment does to its order, once, in the transaction that completes the Stripe event: the order is
/// paid and fulfilled, its limited-edition copies sold, the buyer's entitlements granted, and the messages that follow
/// (each shop's transfer, each entitlement's grant for the downloads' copies, the receipt, each seller's sale) committed with them through the outbox.
/// </summary>
[WolverineHandler]
public static class OrderPayment
{
    /// <summary>A payment learnt from another of Stripe's events (a refund or a dispute of its charge) before its own paid event.</summary>
    public sealed record RecordCommand(Guid OrderId, string PaymentIntentId, string ChargeId, long AmountCharged);

    /// <summary>
    /// An order of free products (a total of 0) completes without Stripe: published by <see cref="PlaceOrder"/> with the
    /// order, so it is done even if the checkout request dies, and invoked by checkout at once, so the buyer finds it done.
    /// </summary>
    public sealed record CompleteFreeOrder(Guid OrderId);

    public static Task HandleAsync(RecordCommand command, IDocumentSession session, IMessageBus messages, OrderMails mails, TimeProvider clock, CancellationToken ct) =>
        MarkPaidAsync(session, messages, mails, command.OrderId, command.PaymentIntentId, command.ChargeId, command.AmountCharged, clock, ct);

    public static Task HandleAsync(CompleteFreeOrder command, IDocumentSession session, IMessageBus messages, OrderMails mails, TimeProvider clock, CancellationToken ct) =>
        MarkPaidAsync(session, messages, mails, command.OrderId, paymentIntentId: null, chargeId: null, amountCharged: 0, clock, ct);

    /// <summary>Marks the order paid once; a free order is "paid" with nothing charged (no payment intent, no charge, no transfer).</summary>
    public static async Task MarkPaidAsync(
        IDocumentSession session, IMessageBus messages, OrderMails mails, Guid orderId, string? paymentIntentId, string? chargeId, long amountCharged,
        TimeProvider clock, CancellationToken ct)
    {
        // Payment, refund and dispute events of one order arrive together; they take turns instead of failing each
        // other's commits (and spending their retries) on the order's stream version.
        await OrderLocks.HoldAsync(session, [OrderLocks.OrderKey(orderId)], ct);
        var stream = await session.Events.FetchForWriting<Order>(orderId, ct);
        var order = stream.Aggregate ?? throw new InvalidOperationException($"Stripe was paid for order {orderId}, which does not exist.");
        var now = clock.GetUtcNow();
        if (order.IsPaid || order.ChargeId is not null)
        {
            return;
        }

        if (chargeId is null && order.Total != 0)
        {
            throw new InvalidOperationException($"Order {orderId} costs {order.Total} and cannot be completed without a charge.");
        }

        if (!order.IsOpen && chargeId is not null)
        {
            // Closed first (expired as the buyer paid): its copies went back, so it is not fulfilled and the money goes back in full.
            var late = new PaymentAfterClose(paymentIntentId ?? "", chargeId, amountCharged, now);
            stream.AppendOne(late);
            order.Apply(late);
            await RefundPlan.RecordAsync(session, messages, stream, order, RefundPlan.KeyOf(order.Id, $"after-close-{chargeId}"), RefundCauses.PaymentAfterClose,
                RefundPlan.WholeLines(order, order.Lines.Select(l => l.Number)), "The payment arrived after the order closed.", null, null, now, ct);
            return;
        }

        if (!order.IsOpen)
        {
            return;
        }

        await SellCopiesAsync(session, order, ct);
        var entitlements = order.Lines.Select(line => new Entitlement
        {
            Id = Guid.CreateVersion7(), BuyerId = order.BuyerId, ProductId = line.ProductId, OrderId = order.Id, Line = line.Number,
            Quantity = line.Quantity, State = EntitlementState.Active, CreatedAt = now,
        }).ToList();
        session.Insert(entitlements.ToArray());
        stream.AppendMany(new OrderPaid(paymentIntentId, chargeId, amountCharged, now), new OrderFulfilled([.. entitlements.Select(e => e.Id)], now));

        foreach (var share in order.Shops.Where(s => s.Share > 0))
        {
            await messages.PublishAsync(new TransferShopShare(order.Id, share.ShopId));
        }

        foreach (var entitlement in entitlements)
        {
            await messages.PublishAsync(new EntitlementGranted(entitlement.Id));
        }

        foreach (var mail in await mails.ForPaidOrderAsync(session, order, ct))
        {
            await messages.PublishAsync(mail);
        }

        await messages.PublishAsync(new EntitlementsChanged(order.BuyerId, [.. order.Lines.Select(l => l.ProductId).Distinct()]));
    }

    private static async Task SellCopiesAsync(IDocumentSession session, Order order, CancellationToken ct)
    {
        var limited = order.Lines.Where(l => l.LimitedEdition).Select(l => l.ProductId).ToArray();
        if (limited.Length == 0)
        {
            return;
        }

        await OrderLocks.TakeEditionsAsync(session, limited, ct);
        foreach (var stock in await session.LoadManyAsync<EditionStock>(ct, limited))
        {
            if (stock.Held.Remove(order.Id, out var held))
            {
                stock.Sold += held;
                session.Store(stock);
            }
        }
    }
}
