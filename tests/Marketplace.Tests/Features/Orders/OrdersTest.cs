using Marketplace.Features.Catalog;
using Marketplace.Features.Orders;
using Marketplace.Tests.Features.Catalog;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.Features.Orders;

/// <summary>What order tests share: buyers, products of sellers ready to sell, carts and checkouts through the API, paying on the sandbox.</summary>
public abstract class OrdersTest(AppFixture fixture) : CatalogTest(fixture)
{
    protected Task<Member> BuyerAsync() => MemberAsync("buyer");

    /// <summary>A buyer signed in from an address of their own, for tests with more sign-ins than one address may make.</summary>
    protected async Task<Member> BuyerOnOwnAddressAsync()
    {
        var email = NewEmail("buyer");
        var id = await CreateAccountAsync(email);
        var login = await Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = NewClientAddress());
            s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(200);
        });
        return new Member(id, email, login.ReadAsJson<Marketplace.Features.Accounts.TokenPair>()!.AccessToken);
    }

    /// <summary>A published product of a shop ready to sell (its onboarding finished on the sandbox).</summary>
    protected async Task<ProductView> ProductOfAsync(Seller seller, string title = "Hand-drawn Icons", long price = 1500, int? editionSize = null)
    {
        var fields = editionSize is null
            ? Fields(title, price)
            : new { title, description = "Numbered copies.", price = new { amount = price, currency = "usd" }, tags = new[] { "edition" }, editionSize };
        return await PublishedProductAsync(seller, fields);
    }

    protected Task<Alba.IScenarioResult> AddAsync(Member buyer, Guid productId, int quantity = 1, int status = 200) => AsUserAsync(buyer.Token, s =>
    {
        s.Post.Json(new { productId, quantity }).ToUrl("/api/cart/items");
        s.StatusCodeShouldBe(status);
    });

    /// <summary>Sellers, products and the buyer of a two-shop cart: Glyph Foundry sells Icons (15.00) and Brushes (9.99), Paper Mill Textures (22.50).</summary>
    protected sealed record TwoShopCart(Seller Glyphs, Seller Paper, Member Buyer, ProductView Icons, ProductView Brushes, ProductView Textures);

    /// <summary>One buyer with the three products of <see cref="TwoShopCart"/> in the cart.</summary>
    protected async Task<TwoShopCart> TwoShopCartAsync()
    {
        var glyphs = await SellerReadyToSellAsync("Glyph Foundry");
        var paper = await SellerReadyToSellAsync("Paper Mill");
        var icons = await ProductOfAsync(glyphs, "Icons", 1500);
        var brushes = await ProductOfAsync(glyphs, "Brushes", 999);
        var textures = await ProductOfAsync(paper, "Textures", 2250);
        var buyer = await BuyerAsync();
        foreach (var id in new[] { icons.Id, brushes.Id, textures.Id })
        {
            await AddAsync(buyer, id);
        }

        return new TwoShopCart(glyphs, paper, buyer, icons, brushes, textures);
    }

    protected async Task<CartView> CartAsync(Member buyer) =>
        (await AsUserAsync(buyer.Token, s => s.Get.Url("/api/cart"))).ReadAsJson<CartView>()!;

    protected async Task<Checkout.Response> CheckoutAsync(Member buyer) =>
        (await AsUserAsync(buyer.Token, s =>
        {
            s.Post.Url("/api/checkout");
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<Checkout.Response>()!;

    protected Task<Order?> OrderAsync(Guid orderId) => QueryAsync(q => q.LoadAsync<Order>(orderId));

    protected static string SessionIdOf(Checkout.Response checkout) => checkout.CheckoutUrl[(checkout.CheckoutUrl.LastIndexOf('/') + 1)..];

    /// <summary>Pays the order's hosted checkout on the sandbox with the card, as the buyer would on the page.</summary>
    protected Task<Alba.IScenarioResult> PayAsync(Checkout.Response checkout, string card = "4242424242424242", int status = 200) => SendAsync(s =>
    {
        s.Post.Json(new { card, email = "buyer@example.com", name = "A. Buyer" }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{SessionIdOf(checkout)}/pay");
        s.StatusCodeShouldBe(status);
    });

    /// <summary>Waits until the order is paid, its entitlements granted and every shop's transfer recorded.</summary>
    protected Task<Order> FulfilledAsync(Guid orderId) => Eventually.ValueAsync(async () => (await OrderAsync(orderId))!,
        order => order.Status == OrderStatus.Fulfilled && order.Transfers.Count == order.Shops.Count(s => s.Share > 0), 60);

    protected Task<Order> StatusAsync(Guid orderId, OrderStatus status) =>
        Eventually.ValueAsync(async () => (await OrderAsync(orderId))!, order => order.Status == status, 60);

    /// <summary>The app's Stripe client (the sandbox, over HTTP), to look at what the app made there.</summary>
    protected IStripeClient Stripe() => Host.Services.CreateScope().ServiceProvider.GetRequiredService<IStripeClient>();

    protected Task<IReadOnlyList<Entitlement>> EntitlementsOfAsync(Member buyer) =>
        QueryAsync<IReadOnlyList<Entitlement>>(async q => await q.Query<Entitlement>().Where(e => e.BuyerId == buyer.Id).ToListAsync());
}
