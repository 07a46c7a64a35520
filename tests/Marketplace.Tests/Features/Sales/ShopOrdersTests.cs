using Marketplace.Features.Orders;
using Marketplace.Features.Sales;

namespace Marketplace.Tests.Features.Sales;

/// <summary>A seller's view of the orders holding its lines: its own lines, share and refunds, never the buyer's other shops'.</summary>
public sealed class ShopOrdersTests(AppFixture fixture) : SalesTest(fixture)
{
    [Fact]
    public async Task Each_seller_of_a_two_shop_order_sees_only_its_own_lines_and_share_and_nothing_of_the_other_shop()
    {
        var paid = await PaidTwoShopOrderAsync();
        var order = paid.Order;
        var paperShare = order.Shops.Single(s => s.ShopId == paid.Paper.Shop.Id);
        var glyphTransfer = order.Transfers[paid.Glyphs.Shop.Id];

        var list = await ListAsync(paid.Paper.Owner, paid.Paper.Shop.Id);
        var detail = await DetailAsync(paid.Paper.Owner, paid.Paper.Shop.Id, order.Id);

        var listed = list.Orders.ShouldHaveSingleItem();
        listed.OrderId.ShouldBe(order.Id);
        listed.Lines.Select(l => l.Title).ShouldBe(["Textures"]);
        (listed.Subtotal, listed.Fee, listed.Share).ShouldBe((paperShare.Subtotal, paperShare.Fee, paperShare.Share));
        listed.Status.ShouldBe("paid");
        listed.Timeline.ShouldBeNull();
        detail.TransferId.ShouldBe(order.Transfers[paid.Paper.Shop.Id]);
        detail.Timeline!.Select(s => s.Type).ShouldBe(["paid", "transferred"]);
        var json = (await AsUserAsync(paid.Paper.Owner.Token, s => s.Get.Url($"/api/shops/{paid.Paper.Shop.Id}/orders/{order.Id}"))).ReadAsText();
        foreach (var secret in new[] { "Icons", "Brushes", "Glyph Foundry", glyphTransfer, paid.Glyphs.Shop.Id.ToString(), paid.Buyer.Email, "\"total\"", "platformFee" })
        {
            json.ShouldNotContain(secret);
        }

        var glyphs = (await ListAsync(paid.Glyphs.Owner, paid.Glyphs.Shop.Id)).Orders.ShouldHaveSingleItem();
        glyphs.Lines.Select(l => l.Title).ShouldBe(["Icons", "Brushes"], ignoreOrder: true);
        glyphs.Subtotal.ShouldBe(2499);
    }

    [Fact]
    public async Task A_refund_of_one_shops_line_shows_in_that_shops_view_only()
    {
        var paid = await PaidTwoShopOrderAsync();
        var icons = paid.Order.Lines.Single(l => l.ProductId == paid.IconsId);
        await AsUserAsync(paid.Glyphs.Owner.Token, s =>
        {
            s.Post.Json(new { lines = new[] { icons.Number }, reason = "Wrong format." }).ToUrl($"/api/orders/{paid.Order.Id}/refunds");
            s.StatusCodeShouldBe(202);
        });
        await Eventually.ValueAsync(() => OrderAsync(paid.Order.Id), o => o!.Reversals.Count == 1, 60);

        var glyphs = await DetailAsync(paid.Glyphs.Owner, paid.Glyphs.Shop.Id, paid.Order.Id);
        var paper = await DetailAsync(paid.Paper.Owner, paid.Paper.Shop.Id, paid.Order.Id);

        glyphs.Status.ShouldBe("partly_refunded");
        glyphs.Refunded.ShouldBe(1500);
        glyphs.Lines.Single(l => l.Number == icons.Number).Refunded.ShouldBe(1500);
        (glyphs.FeeReturned + glyphs.Reversed).ShouldBe(1500);
        glyphs.Timeline!.Select(s => s.Type).ShouldContain("refund_requested");
        glyphs.Timeline!.Select(s => s.Type).ShouldContain("transfer_reversed");
        paper.Status.ShouldBe("paid");
        (paper.Refunded, paper.Reversed).ShouldBe((0L, 0L));
        paper.Timeline!.Select(s => s.Type).ShouldBe(["paid", "transferred"]);
    }

    [Fact]
    public async Task An_order_not_paid_yet_is_not_the_sellers_to_see()
    {
        var (glyphs, _, buyer, _, _, _) = await TwoShopCartAsync();
        var checkout = await CheckoutAsync(buyer);

        (await ListAsync(glyphs.Owner, glyphs.Shop.Id)).Orders.ShouldBeEmpty();
        (await AsUserAsync(glyphs.Owner.Token, s =>
        {
            s.Get.Url($"/api/shops/{glyphs.Shop.Id}/orders/{checkout.OrderId}");
            s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404, Marketplace.Infrastructure.Web.ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Orders_paid_at_once_are_each_listed_once_newest_first()
    {
        var seller = await SellerReadyToSellAsync();
        var checkouts = new List<Checkout.Response>();
        foreach (var i in Enumerable.Range(1, 4))
        {
            var product = await ProductOfAsync(seller, $"Pack {i}", 1000 + i);
            var buyer = await BuyerOnOwnAddressAsync();
            await AddAsync(buyer, product.Id);
            checkouts.Add(await CheckoutAsync(buyer));
        }

        await Task.WhenAll(checkouts.Select(c => PayAsync(c)));
        await Task.WhenAll(checkouts.Select(c => FulfilledAsync(c.OrderId)));

        var list = await ListAsync(seller.Owner, seller.Shop.Id);
        list.Orders.Select(o => o.OrderId).ShouldBe(checkouts.Select(c => c.OrderId).OrderDescending());
        list.HasMore.ShouldBeFalse();
        (await ListAsync(seller.Owner, seller.Shop.Id, "?page=2")).Orders.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sellers_pages_list_the_order_with_its_own_lines_and_the_sales_page_links_to_them()
    {
        var paid = await PaidTwoShopOrderAsync();
        var cookie = await SignInCookieAsync(paid.Paper.Owner.Email);

        var sales = await PageAsync(cookie, "/shop/sales");
        var list = await PageAsync(cookie, "/shop/orders");
        var detail = await PageAsync(cookie, $"/shop/orders/{paid.Order.Id}");
        var refund = await PageAsync(cookie, $"/orders/{paid.Order.Id}/refund");

        sales.ShouldContain("href=\"/shop/orders\"");
        list.ShouldContain($"href=\"/shop/orders/{paid.Order.Id}\"");
        foreach (var page in new[] { list, detail, refund })
        {
            page.ShouldContain("Textures");
            page.ShouldNotContain("Icons");
            page.ShouldNotContain("Brushes");
        }

        detail.ShouldContain($"href=\"/orders/{paid.Order.Id}/refund\"");
        detail.ShouldContain("data-type=\"transferred\"");
    }

    private async Task<string> PageAsync(string cookie, string url) =>
        (await SendAsync(s => { s.Get.Url(url); s.WithRequestHeader("Cookie", cookie); s.StatusCodeShouldBe(200); })).ReadAsText();

    private async Task<GetShopOrders.Response> ListAsync(Member caller, Guid shopId, string query = "") =>
        (await AsUserAsync(caller.Token, s => { s.Get.Url($"/api/shops/{shopId}/orders{query}"); s.StatusCodeShouldBe(200); })).ReadAsJson<GetShopOrders.Response>()!;

    private async Task<ShopOrderView> DetailAsync(Member caller, Guid shopId, Guid orderId) =>
        (await AsUserAsync(caller.Token, s => { s.Get.Url($"/api/shops/{shopId}/orders/{orderId}"); s.StatusCodeShouldBe(200); })).ReadAsJson<ShopOrderView>()!;
}
