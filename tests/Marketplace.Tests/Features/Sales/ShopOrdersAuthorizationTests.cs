using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Sales;

/// <summary>
/// The role matrix and hostile input of the seller's order routes and pages: a shop's orders are its owner's and the
/// admins' (anyone else, the order's buyer included, gets the 404 of no shop); the pages are the caller's own shop's
/// (without a shop, the way to open one; another shop's order, a 404).
/// </summary>
public sealed class ShopOrdersAuthorizationTests(AppFixture fixture) : SalesTest(fixture)
{
    public enum Caller
    {
        Anonymous,
        Buyer,
        OtherBuyer,
        Owner,
        OtherSeller,
        Moderator,
        Admin,
    }

    [Theory]
    [InlineData(Caller.Anonymous, 401, 401, 302, 302)]
    [InlineData(Caller.Buyer, 404, 404, 302, 302)]
    [InlineData(Caller.OtherBuyer, 404, 404, 302, 302)]
    [InlineData(Caller.Owner, 200, 200, 200, 200)]
    [InlineData(Caller.OtherSeller, 404, 404, 200, 404)]
    [InlineData(Caller.Moderator, 404, 404, 302, 302)]
    [InlineData(Caller.Admin, 200, 200, 302, 302)]
    public async Task Each_caller_gets_exactly_the_answers_of_their_role(Caller caller, int list, int detail, int listPage, int detailPage)
    {
        var paid = await PaidTwoShopOrderAsync();
        var member = caller switch
        {
            Caller.Anonymous => null,
            Caller.Buyer => paid.Buyer,
            Caller.OtherBuyer => await BuyerAsync(),
            Caller.Owner => paid.Paper.Owner,
            Caller.OtherSeller => (await SellerReadyToSellAsync("Ink Works")).Owner,
            Caller.Moderator => await MemberAsync("moderator", Roles.Moderator),
            _ => await MemberAsync("admin", Roles.Admin),
        };
        var cookie = member is null ? null : await SignInCookieAsync(member.Email);

        int[] answers =
        [
            await ApiStatusAsync(member?.Token, s => s.Get.Url($"/api/shops/{paid.Paper.Shop.Id}/orders")),
            await ApiStatusAsync(member?.Token, s => s.Get.Url($"/api/shops/{paid.Paper.Shop.Id}/orders/{paid.Order.Id}")),
            await PageStatusAsync(cookie, "/shop/orders"),
            await PageStatusAsync(cookie, $"/shop/orders/{paid.Order.Id}"),
        ];

        answers.ShouldBe([list, detail, listPage, detailPage]);
    }

    [Fact]
    public async Task A_seller_asking_for_another_shops_order_through_its_own_shop_gets_the_404_of_no_order()
    {
        var paid = await PaidTwoShopOrderAsync();
        var other = await SellerReadyToSellAsync("Ink Works");

        var theirs = await AsUserAsync(other.Owner.Token, s => { s.Get.Url($"/api/shops/{other.Shop.Id}/orders/{paid.Order.Id}"); s.StatusCodeShouldBe(404); });
        var none = await AsUserAsync(other.Owner.Token, s => { s.Get.Url($"/api/shops/{other.Shop.Id}/orders/{Guid.NewGuid()}"); s.StatusCodeShouldBe(404); });

        theirs.ShouldBeProblem(404, ProblemTypes.NotFound).GetProperty("title").GetString()
            .ShouldBe(none.ShouldBeProblem(404, ProblemTypes.NotFound).GetProperty("title").GetString());
        (await AsUserAsync(other.Owner.Token, s => s.Get.Url($"/api/shops/{other.Shop.Id}/orders")))
            .ReadAsJson<Marketplace.Features.Sales.GetShopOrders.Response>()!.Orders.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10001")]
    [InlineData("99999999999999999999")]
    [InlineData("abc")]
    [InlineData("1%00")]
    [InlineData("%E2%80%AE1")]
    [InlineData("1.5")]
    public async Task A_page_number_that_cannot_be_read_is_a_validation_problem(string page)
    {
        var seller = await SellerReadyToSellAsync();

        var result = await AsUserAsync(seller.Owner.Token, s => { s.Get.Url($"/api/shops/{seller.Shop.Id}/orders?page={page}"); s.IgnoreStatusCode(); });

        result.Context.Response.StatusCode.ShouldBe(400);
        if (result.ReadAsJson<System.Text.Json.JsonElement>().GetProperty("type").GetString() == ProblemTypes.Validation)
        {
            result.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors").TryGetProperty("page", out _).ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("/api/shops/not-a-guid/orders")]
    [InlineData("/api/shops/00000000-0000-0000-0000-000000000000/orders")]
    [InlineData("/api/shops/{shop}/orders/not-a-guid")]
    [InlineData("/api/shops/{shop}/orders/%01")]
    [InlineData("/api/shops/{shop}/orders/99999999999999999999")]
    public async Task Malformed_or_unknown_ids_are_a_404(string url)
    {
        var seller = await SellerReadyToSellAsync();

        var status = await ApiStatusAsync(seller.Owner.Token, s => s.Get.Url(url.Replace("{shop}", seller.Shop.Id.ToString(), StringComparison.Ordinal)));

        status.ShouldBeOneOf(400, 404);
    }

    [Fact]
    public async Task The_order_routes_are_read_only()
    {
        var paid = await PaidTwoShopOrderAsync();

        var status = await ApiStatusAsync(paid.Paper.Owner.Token, s =>
            s.Post.Json(new { status = "refunded" }).ToUrl($"/api/shops/{paid.Paper.Shop.Id}/orders/{paid.Order.Id}"));

        status.ShouldBe(405);
        (await OrderAsync(paid.Order.Id))!.Status.ShouldBe(Marketplace.Features.Orders.OrderStatus.Fulfilled);
    }
}
