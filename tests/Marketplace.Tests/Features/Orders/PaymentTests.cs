using Marketplace.Features.Orders;
using Marketplace.StripeSandbox.Events;
using Marten;
using Stripe;

namespace Marketplace.Tests.Features.Orders;

/// <summary>Checkout and payment through the Stripe sandbox, over HTTP with signed webhooks.</summary>
public sealed class PaymentTests(AppFixture fixture) : OrdersTest(fixture)
{
    [Fact]
    public async Task A_two_shop_cart_pays_once_and_each_shop_gets_one_transfer_that_with_the_fee_makes_the_charge()
    {
        var (glyphs, paper, buyer, icons, brushes, textures) = await TwoShopCartAsync();

        var checkout = await CheckoutAsync(buyer);
        (await CartAsync(buyer)).Lines.ShouldBeEmpty();
        await PayAsync(checkout);
        var order = await FulfilledAsync(checkout.OrderId);

        order.Total.ShouldBe(4749);
        order.AmountCharged.ShouldBe(4749);
        var transfers = await TransfersAsync(checkout.OrderId);
        transfers.Count.ShouldBe(2);
        (transfers.Sum(t => t.Amount) + order.PlatformFee).ShouldBe(order.AmountCharged);
        transfers.ShouldAllBe(t => t.SourceTransactionId == order.ChargeId && t.TransferGroup == order.Id.ToString());
        transfers.Select(t => t.DestinationId).ShouldBe(await AccountsOfAsync(glyphs, paper), ignoreOrder: true);
        transfers.Single(t => t.Metadata["shop_id"] == glyphs.Shop.Id.ToString()).Amount.ShouldBe(2499 - (250 + 30));
        var entitlements = await EntitlementsOfAsync(buyer);
        entitlements.Select(e => e.ProductId).ShouldBe([icons.Id, brushes.Id, textures.Id], ignoreOrder: true);
        entitlements.ShouldAllBe(e => e.State == EntitlementState.Active && e.OrderId == order.Id);
        await MessagesSettledAsync();
        var receipt = (await MailsToAsync(buyer.Email)).ShouldHaveSingleItem();
        receipt.Text.ShouldContain("Icons");
        receipt.Text.ShouldContain("Textures");
        receipt.Links.ShouldContain(link => link.EndsWith("/library", StringComparison.Ordinal));
        (await MailsToAsync(glyphs.Owner.Email)).ShouldContain(m => m.Subject == "Glyph Foundry made a sale");
        (await MailsToAsync(paper.Owner.Email)).ShouldContain(m => m.Subject == "Paper Mill made a sale");
    }

    [Fact]
    public async Task A_shop_with_a_fee_of_its_own_is_charged_it_and_the_other_shop_the_default()
    {
        var glyphs = await SellerReadyToSellAsync("Glyph Foundry");
        var paper = await SellerReadyToSellAsync("Paper Mill");
        Set<OrderOptions, Dictionary<string, FeeSettings>>(o => o.ShopFees, new() { [paper.Shop.Id.ToString()] = new FeeSettings { BasisPoints = 250, Fixed = 0 } });
        var buyer = await BuyerAsync();
        await AddAsync(buyer, (await ProductOfAsync(glyphs, "Icons", 1999)).Id);
        await AddAsync(buyer, (await ProductOfAsync(paper, "Textures", 1999)).Id);

        var order = (await OrderAsync((await CheckoutAsync(buyer)).OrderId))!;

        order.Shops.Single(s => s.ShopId == glyphs.Shop.Id).Fee.ShouldBe(200 + 30);
        order.Shops.Single(s => s.ShopId == paper.Shop.Id).Fee.ShouldBe(50);
        (order.Shops.Sum(s => s.Share) + order.PlatformFee).ShouldBe(order.Total);
    }

    [Fact]
    public async Task The_checkout_session_names_the_order_and_is_created_once_per_order()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await ProductOfAsync(seller, "Icons", 1500);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, product.Id);

        var checkout = await CheckoutAsync(buyer);

        var session = await new Stripe.Checkout.SessionService(Stripe()).GetAsync(SessionIdOf(checkout),
            new Stripe.Checkout.SessionGetOptions { Expand = ["line_items"] });
        session.Metadata["order_id"].ShouldBe(checkout.OrderId.ToString());
        session.ClientReferenceId.ShouldBe(checkout.OrderId.ToString());
        session.AmountTotal.ShouldBe(1500);
        session.SuccessUrl.ShouldContain($"/orders/{checkout.OrderId}");
        var again = await new Stripe.Checkout.SessionService(Stripe()).CreateAsync(Checkout.SessionOptions((await OrderAsync(checkout.OrderId))!, "http://localhost", DateTimeOffset.UtcNow.AddHours(1)),
            new RequestOptions { IdempotencyKey = $"checkout-session-{checkout.OrderId:N}" });
        again.Id.ShouldBe(session.Id);
        (await OrderAsync(checkout.OrderId))!.Status.ShouldBe(OrderStatus.AwaitingPayment);
    }

    [Fact]
    public async Task A_declined_card_grants_nothing_closes_the_order_and_gives_the_cart_back()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await ProductOfAsync(seller, "Icons", 1500);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, product.Id);
        var checkout = await CheckoutAsync(buyer);

        await PayAsync(checkout, "4000000000000002", status: 402);

        var order = await StatusAsync(checkout.OrderId, OrderStatus.Cancelled);
        order.ClosedReason.ShouldNotBeNull().ShouldContain("declined");
        await MessagesSettledAsync();
        (await EntitlementsOfAsync(buyer)).ShouldBeEmpty();
        (await TransfersAsync(checkout.OrderId)).ShouldBeEmpty();
        (await MailsToAsync(buyer.Email)).ShouldBeEmpty();
        (await CartAsync(buyer)).Lines.Select(l => l.ProductId).ShouldBe([product.Id]);
        await PayAsync(checkout, status: 409);
    }


    [Fact]
    public async Task When_Stripe_refuses_the_checkout_session_the_order_is_cancelled_its_copy_released_and_the_cart_restored()
    {
        var seller = await SellerReadyToSellAsync();
        var print = await ProductOfAsync(seller, "Print", 5000, editionSize: 1);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, print.Id);
        // A currency Stripe does not know makes it refuse the session, as an outage or a misconfiguration would.
        Set<Marketplace.Features.Catalog.CatalogOptions, string>(o => o.Currency, "zzz");

        var refused = await AsUserAsync(buyer.Token, s =>
        {
            s.Post.Url("/api/checkout");
            s.StatusCodeShouldBe(503);
        });

        refused.ShouldBeProblem(503, Marketplace.Infrastructure.Web.ProblemTypes.PaymentsUnavailable);
        var order = (await QueryAsync<IReadOnlyList<Order>>(async q => await q.Query<Order>().ToListAsync())).ShouldHaveSingleItem();
        order.Status.ShouldBe(OrderStatus.Cancelled);
        (await QueryAsync(q => q.LoadAsync<EditionStock>(print.Id)))!.Held.ShouldBeEmpty();
        (await QueryAsync(q => q.LoadAsync<Cart>(buyer.Id)))!.Items.Select(i => i.ProductId).ShouldBe([print.Id]);
    }

    private async Task<IReadOnlyList<Transfer>> TransfersAsync(Guid orderId)
    {
        var events = await QueryAsync<IReadOnlyList<SandboxEvent>>(async q => await q.Query<SandboxEvent>().Where(e => e.Type == "transfer.created").ToListAsync());
        var ids = events.Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("data").GetProperty("object").GetProperty("id").GetString()!).ToList();
        var service = new TransferService(Stripe());
        var transfers = await Task.WhenAll(ids.Select(id => service.GetAsync(id)));
        return [.. transfers.Where(t => t.TransferGroup == orderId.ToString())];
    }

    private async Task<string[]> AccountsOfAsync(params Seller[] sellers) =>
        [.. await Task.WhenAll(sellers.Select(async s => (await QueryAsync(q => q.LoadAsync<Marketplace.Features.Payouts.ShopPayoutAccount>(s.Shop.Id)))!.AccountId))];
}
