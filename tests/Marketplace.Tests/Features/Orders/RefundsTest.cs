using Marketplace.Features.Orders;
using Marketplace.Features.Payouts;
using Marketplace.StripeSandbox.Events;
using Marten;
using Stripe;

namespace Marketplace.Tests.Features.Orders;

/// <summary>What refund and dispute tests share: a paid two-shop order, refund requests, and the Stripe objects they move.</summary>
public abstract class RefundsTest(AppFixture fixture) : OrdersTest(fixture)
{
    /// <summary>Glyph Foundry sells Icons (15.00) and Brushes (9.99), Paper Mill Textures (22.50); one buyer pays for the three.</summary>
    protected sealed record PaidOrder(Seller Glyphs, Seller Paper, Member Buyer, Order Order, Guid Icons, Guid Brushes, Guid Textures)
    {
        public int LineOf(Guid productId) => Order.Lines.Single(l => l.ProductId == productId).Number;
    }

    protected async Task<PaidOrder> PaidTwoShopOrderAsync(string card = "4242424242424242")
    {
        var (glyphs, paper, buyer, icons, brushes, textures) = await TwoShopCartAsync();

        var checkout = await CheckoutAsync(buyer);
        await PayAsync(checkout, card);
        var order = await Eventually.ValueAsync(async () => (await OrderAsync(checkout.OrderId))!,
            o => o.PaidAt is not null && o.Transfers.Count == 2, 60);
        return new PaidOrder(glyphs, paper, buyer, order, icons.Id, brushes.Id, textures.Id);
    }

    protected Task<Alba.IScenarioResult> RefundAsync(Member caller, Guid orderId, object body, int status = 202) => AsUserAsync(caller.Token, s =>
    {
        s.Post.Json(body).ToUrl($"/api/orders/{orderId}/refunds");
        s.StatusCodeShouldBe(status);
    });

    /// <summary>Waits until every refund of the order has moved its money: the buyer's refund and each shop's reversal.</summary>
    protected Task<Order> MoneyMovedAsync(Guid orderId, int refunds = 1) => Eventually.ValueAsync(async () => (await OrderAsync(orderId))!,
        order => order.Refunds.Count == refunds && order.Refunds.All(r => order.RefundsDone.Contains(r.Key)
            && r.Shops.Where(s => s.Reversal > 0).All(s => order.Reversals.Contains(Order.ReversalKey(r.Key, s.ShopId)))), 60);

    protected async Task<IReadOnlyList<Refund>> RefundsOfChargeAsync(string chargeId) =>
        (await new RefundService(Stripe()).ListAsync(new RefundListOptions { Charge = chargeId, Limit = 100 })).Data;

    protected Task<Transfer> TransferOfAsync(Order order, Seller seller) => new TransferService(Stripe()).GetAsync(order.Transfers[seller.Shop.Id]);

    protected async Task<long> PendingBalanceOfAsync(Seller seller)
    {
        var account = (await QueryAsync(q => q.LoadAsync<ShopPayoutAccount>(seller.Shop.Id)))!.AccountId;
        var balance = await new BalanceService(Stripe()).GetAsync(new RequestOptions { StripeAccount = account });
        return balance.Pending.Sum(b => b.Amount) + balance.Available.Sum(b => b.Amount);
    }

    protected async Task<IReadOnlyList<Entitlement>> EntitlementsOfOrderAsync(Guid orderId) =>
        await QueryAsync<IReadOnlyList<Entitlement>>(async q => await q.Query<Entitlement>().Where(e => e.OrderId == orderId).ToListAsync());

    protected Task<IReadOnlyList<SandboxEvent>> SandboxEventsAsync(string type) =>
        QueryAsync<IReadOnlyList<SandboxEvent>>(async q => await q.Query<SandboxEvent>().Where(e => e.Type == type).ToListAsync());
}
