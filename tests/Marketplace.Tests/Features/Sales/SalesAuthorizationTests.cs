using Marketplace.Features.Accounts;

namespace Marketplace.Tests.Features.Sales;

/// <summary>
/// The role matrix of the sales routes and pages: a shop's sales are its owner's and the admins' (anyone else gets the
/// 404 of no shop); the sales page is the caller's own shop's (without a shop, the way to open one); the order search,
/// API and page, is the admins' alone (the page sends anyone else to the access-denied page, as every admin page does).
/// </summary>
public sealed class SalesAuthorizationTests(AppFixture fixture) : SalesTest(fixture)
{
    public enum Caller
    {
        Anonymous,
        Buyer,
        OtherSeller,
        Owner,
        Moderator,
        Admin,
    }

    [Theory]
    [InlineData(Caller.Anonymous, 401, 401, 302, 302)]
    [InlineData(Caller.Buyer, 404, 403, 302, 302)]
    [InlineData(Caller.OtherSeller, 404, 403, 200, 302)]
    [InlineData(Caller.Owner, 200, 403, 200, 302)]
    [InlineData(Caller.Moderator, 404, 403, 302, 302)]
    [InlineData(Caller.Admin, 200, 200, 302, 200)]
    public async Task Each_caller_gets_exactly_the_answers_of_their_role(Caller caller, int sales, int search, int salesPage, int searchPage)
    {
        var owner = await SellerReadyToSellAsync("Glyph Foundry");
        var member = caller switch
        {
            Caller.Anonymous => null,
            Caller.Buyer => await BuyerAsync(),
            Caller.OtherSeller => (await SellerReadyToSellAsync("Paper Mill")).Owner,
            Caller.Owner => owner.Owner,
            Caller.Moderator => await MemberAsync("moderator", Roles.Moderator),
            _ => await MemberAsync("admin", Roles.Admin),
        };
        var cookie = member is null ? null : await SignInCookieAsync(member.Email);

        int[] answers =
        [
            await ApiStatusAsync(member?.Token, s => s.Get.Url($"/api/shops/{owner.Shop.Id}/sales")),
            await ApiStatusAsync(member?.Token, s => s.Get.Url("/api/admin/orders?q=pi_1")),
            await PageStatusAsync(cookie, "/shop/sales"),
            await PageStatusAsync(cookie, "/admin/orders?q=pi_1"),
        ];

        answers.ShouldBe([sales, search, salesPage, searchPage]);
    }

    [Fact]
    public async Task The_owners_sales_page_draws_the_chart_and_the_table_of_the_same_numbers()
    {
        var paid = await PaidTwoShopOrderAsync();
        var cookie = await SignInCookieAsync(paid.Paper.Owner.Email);

        var html = (await SendAsync(s => { s.Get.Url("/shop/sales"); s.WithRequestHeader("Cookie", cookie); })).ReadAsText();

        html.ShouldContain("<svg role=\"img\"");
        html.ShouldContain("<title id=\"sales-chart-title\">");
        html.ShouldContain("<desc id=\"sales-chart-desc\">");
        var net = paid.Order.Shops.Single(s => s.ShopId == paid.Paper.Shop.Id).Share;
        html.ShouldContain($"{net / 100m:N2} USD net", Case.Sensitive);
        html.Split($"<td>{net / 100m:N2} USD</td>").Length.ShouldBeGreaterThanOrEqualTo(3);
        html.ShouldNotContain("style=");
    }

    [Fact]
    public async Task A_sales_page_with_a_range_it_cannot_read_says_why()
    {
        var seller = await SellerReadyToSellAsync();
        var cookie = await SignInCookieAsync(seller.Owner.Email);

        var page = await SendAsync(s => { s.Get.Url("/shop/sales?from=2026-05-01&to=2026-04-01"); s.WithRequestHeader("Cookie", cookie); s.StatusCodeShouldBe(400); });

        page.ReadAsText().ShouldContain("must not be after");
    }
}
