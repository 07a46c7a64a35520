using System.Net;
using Marketplace.Features.Orders;
using Marketplace.StripeSandbox.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Marketplace.Tests.Features.Orders;

/// <summary>A cart of free products is "bought" at once without Stripe; a total Stripe cannot charge is refused, naming the minimum.</summary>
public sealed class FreeCheckoutTests(AppFixture fixture) : OrdersTest(fixture)
{
    [Fact]
    public async Task A_cart_of_free_products_completes_at_once_without_stripe_with_entitlements_and_a_receipt_and_no_transfer()
    {
        var glyphs = await SellerReadyToSellAsync("Glyph Foundry");
        var paper = await SellerReadyToSellAsync("Paper Mill");
        var icons = await ProductOfAsync(glyphs, "Free Icons", 0);
        var print = await ProductOfAsync(paper, "Free Print", 0, editionSize: 2);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, icons.Id);
        await AddAsync(buyer, print.Id);

        var checkout = await CheckoutAsync(buyer);

        checkout.CheckoutUrl.ShouldEndWith($"/orders/{checkout.OrderId}");
        var order = (await OrderAsync(checkout.OrderId))!;
        order.Status.ShouldBe(OrderStatus.Fulfilled);
        order.CheckoutSessionId.ShouldBeNull();
        order.ChargeId.ShouldBeNull();
        order.AmountCharged.ShouldBe(0);
        var entitlements = await EntitlementsOfAsync(buyer);
        entitlements.Select(e => e.ProductId).ShouldBe([icons.Id, print.Id], ignoreOrder: true);
        entitlements.ShouldAllBe(e => e.State == EntitlementState.Active && e.OrderId == order.Id);
        var stock = (await QueryAsync(q => q.LoadAsync<EditionStock>(print.Id)))!;
        (stock.Sold, stock.Held.Count).ShouldBe((1, 0));
        (await CartAsync(buyer)).Lines.ShouldBeEmpty();

        await MessagesSettledAsync();
        order = (await OrderAsync(checkout.OrderId))!;
        order.Transfers.ShouldBeEmpty();
        var sandboxEvents = await QueryAsync<IReadOnlyList<SandboxEvent>>(async q => await q.Query<SandboxEvent>().ToListAsync());
        sandboxEvents.ShouldNotContain(e => e.Type.StartsWith("checkout.session", StringComparison.Ordinal) || e.Type == "transfer.created");
        var receipt = (await MailsToAsync(buyer.Email)).ShouldHaveSingleItem();
        receipt.Text.ShouldContain("Free Icons");
        receipt.Text.ShouldContain("nothing was charged", Case.Sensitive);
        receipt.Links.ShouldContain(link => link.EndsWith("/library", StringComparison.Ordinal));
        (await MailsToAsync(paper.Owner.Email)).ShouldContain(m => m.Subject == "Paper Mill made a sale" && m.Text.Contains("for free", StringComparison.Ordinal));
        var view = (await AsUserAsync(buyer.Token, s => s.Get.Url($"/api/orders/{order.Id}"))).ReadAsJson<OrderView>()!;
        view.Status.ShouldBe("fulfilled");
        view.Timeline!.ShouldContain(step => step.Type == "paid" && step.Text.Contains("free", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_free_order_whose_checkout_request_died_after_placing_it_is_completed_by_the_message_placed_with_it()
    {
        var seller = await SellerReadyToSellAsync();
        var icons = await ProductOfAsync(seller, "Free Icons", 0);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, icons.Id);

        // Only the first half of checkout, as if the request stopped right after the order was placed.
        using var scope = Host.Services.CreateScope();
        var placed = await scope.ServiceProvider.GetRequiredService<IMessageBus>()
            .InvokeAsync<PlaceOrder.Outcome>(new PlaceOrder.Command(buyer.Id, "usd"));

        var order = await StatusAsync(placed.Order!.Id, OrderStatus.Fulfilled);
        order.ChargeId.ShouldBeNull();
        (await EntitlementsOfAsync(buyer)).ShouldHaveSingleItem().ProductId.ShouldBe(icons.Id);
    }

    [Fact]
    public async Task Five_checkouts_of_one_free_cart_at_once_give_one_order_one_set_of_entitlements_and_one_receipt()
    {
        var seller = await SellerReadyToSellAsync();
        var icons = await ProductOfAsync(seller, "Free Icons", 0);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, icons.Id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => AsUserAsync(buyer.Token, s =>
        {
            s.Post.Url("/api/checkout");
            s.IgnoreStatusCode();
        })));

        answers.Count(a => a.Context.Response.StatusCode == 200).ShouldBe(1);
        answers.Where(a => a.Context.Response.StatusCode != 200).ShouldAllBe(a => a.Context.Response.StatusCode == 409);
        answers.Where(a => a.Context.Response.StatusCode == 409).ToList().ForEach(a => a.ShouldBeProblem(409, OrderProblems.CartEmptyType));
        await MessagesSettledAsync();
        var orders = await QueryAsync<IReadOnlyList<Order>>(async q => await q.Query<Order>().Where(o => o.BuyerId == buyer.Id).ToListAsync());
        orders.ShouldHaveSingleItem().Status.ShouldBe(OrderStatus.Fulfilled);
        (await EntitlementsOfAsync(buyer)).ShouldHaveSingleItem();
        (await MailsToAsync(buyer.Email)).ShouldHaveSingleItem();
        (await AddAsync(buyer, icons.Id, status: 409)).ShouldBeProblem(409, OrderProblems.NotBuyableType);
    }

    [Fact]
    public async Task A_total_above_zero_below_stripes_minimum_is_refused_naming_the_minimum_and_changes_nothing()
    {
        var seller = await SellerReadyToSellAsync();
        // The catalog takes no paid price under 0.50 now; a product priced before that rule (or in a currency whose
        // minimum is higher) can still leave a cart under the minimum.
        var sticker = await ProductOfAsync(seller, "Sticker", 50);
        var product = (await QueryAsync(q => q.LoadAsync<Marketplace.Features.Catalog.Product>(sticker.Id)))!;
        product.PriceAmount = 20;
        await StoreAsync(product);
        var icons = await ProductOfAsync(seller, "Free Icons", 0);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, sticker.Id);
        await AddAsync(buyer, icons.Id);

        var refused = await AsUserAsync(buyer.Token, s =>
        {
            s.Post.Url("/api/checkout");
            s.StatusCodeShouldBe(409);
        });

        var problem = refused.ShouldBeProblem(409, OrderProblems.BelowMinimumChargeType);
        problem.GetProperty("detail").GetString()!.ShouldContain("0.50 USD");
        problem.GetProperty("detail").GetString()!.ShouldContain("0.20 USD");
        problem.GetProperty("minimum").GetInt64().ShouldBe(StripeMinimums.Of("usd"));
        (await QueryAsync<IReadOnlyList<Order>>(async q => await q.Query<Order>().ToListAsync())).ShouldBeEmpty();
        (await CartAsync(buyer)).Lines.Select(l => l.ProductId).ShouldBe([sticker.Id, icons.Id], ignoreOrder: true);
        (await EntitlementsOfAsync(buyer)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("usd", 50)]
    [InlineData("gbp", 30)]
    [InlineData("jpy", 50)]
    [InlineData("huf", 17500)]
    [InlineData("xyz", 50)]
    public void Stripes_minimum_charge_is_known_per_currency_and_defaults_to_the_dollars(string currency, long minimum) =>
        StripeMinimums.Of(currency).ShouldBe(minimum);

    [Fact]
    public async Task A_free_order_cannot_be_refunded_because_nothing_was_charged()
    {
        var seller = await SellerReadyToSellAsync();
        var icons = await ProductOfAsync(seller, "Free Icons", 0);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, icons.Id);
        var checkout = await CheckoutAsync(buyer);

        var refused = await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.Json(new { reason = "Changed my mind." }).ToUrl($"/api/orders/{checkout.OrderId}/refunds");
            s.StatusCodeShouldBe(409);
        });

        refused.ShouldBeProblem(409, OrderProblems.NotRefundableType);
        (await EntitlementsOfAsync(buyer)).ShouldHaveSingleItem().State.ShouldBe(EntitlementState.Active);
    }

    [Fact]
    public async Task The_cart_page_takes_a_free_cart_straight_to_its_fulfilled_order()
    {
        var seller = await SellerReadyToSellAsync();
        var icons = await ProductOfAsync(seller, "Free Icons", 0);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, icons.Id);
        var cookie = await SignInCookieAsync(buyer.Email);
        var cart = await SendAsync(s => { s.Get.Url("/cart"); s.WithRequestHeader("Cookie", cookie); });
        var html = cart.ReadAsText();
        html.ShouldContain("Get it free");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var posted = await SendAsync(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }).ToUrl("/cart").QueryString("handler", "Checkout");
            s.WithRequestHeader("Cookie", $"{cookie}; {AntiforgeryCookie(cart)}");
            s.StatusCodeShouldBe((int)HttpStatusCode.Redirect);
        });

        var location = posted.Context.Response.Headers.Location.ToString();
        location.ShouldMatch("/orders/[0-9a-f-]{36}$");
        (await OrderAsync(Guid.Parse(location[^36..])))!.Status.ShouldBe(OrderStatus.Fulfilled);
    }

    private static string AntiforgeryCookie(Alba.IScenarioResult page) =>
        page.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]).Single(c => c.StartsWith("mp.antiforgery", StringComparison.Ordinal));
}
