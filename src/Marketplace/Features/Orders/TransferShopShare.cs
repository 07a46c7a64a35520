using Marketplace.Features.Payouts;
using Marten;
using Stripe;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Marketplace.Features.Orders;

/// <summary>Pays one shop its share of a paid order: one durable message per shop, published with the payment.</summary>
public sealed record TransferShopShare(Guid OrderId, Guid ShopId);

/// <summary>
/// Creates the shop's Transfer from the order's charge (<c>source_transaction</c>, so it waits for no balance) to the
/// shop's connected account, in the order's transfer group, with an idempotency key per order and shop: a retry after
/// Stripe answered but before the commit gets the same transfer back, and the order's stream records it once.
/// </summary>
public static class TransferShopShareHandler
{
    /// <summary>Retried quickly, then over hours, then left in the dead letters for an admin to replay: never dropped.</summary>
    public static void Configure(HandlerChain chain) => chain.OnAnyException()
        .RetryWithCooldown(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
        .Then.ScheduleRetry(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6))
        .Then.MoveToErrorQueue();

    public static async Task HandleAsync(TransferShopShare message, IDocumentSession session, IStripeClient stripe, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Order>(message.OrderId, ct);
        if (stream.Aggregate is not { ChargeId: { } chargeId } order || order.Transfers.ContainsKey(message.ShopId))
        {
            return;
        }

        var share = order.Shops.Single(s => s.ShopId == message.ShopId);
        var account = await session.LoadAsync<ShopPayoutAccount>(message.ShopId, ct)
            ?? throw new InvalidOperationException($"Shop {message.ShopId} has no connected account to pay order {order.Id} into.");
        var transfer = await new TransferService(stripe).CreateAsync(new TransferCreateOptions
        {
            Amount = share.Share, Currency = order.Currency, Destination = account.AccountId, SourceTransaction = chargeId,
            TransferGroup = order.Id.ToString(), Description = $"Order {order.Id}",
            Metadata = new Dictionary<string, string> { [OrderMetadata.OrderId] = order.Id.ToString(), [OrderMetadata.ShopId] = message.ShopId.ToString() },
        }, new RequestOptions { IdempotencyKey = $"order-{order.Id:N}-shop-{message.ShopId:N}-transfer" }, ct);
        stream.AppendOne(new ShopTransferred(message.ShopId, transfer.Id, transfer.Amount, clock.GetUtcNow()));
    }
}
