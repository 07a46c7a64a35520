using Marketplace.Features.Orders;
using Marketplace.Features.Sales;
using Marten;

namespace Marketplace.Tests.Features.Sales;

/// <summary>A shop's sales per UTC day, from orders paid on the Stripe sandbox.</summary>
public sealed class ShopSalesTests(AppFixture fixture) : SalesTest(fixture)
{
    [Fact]
    public async Task A_two_shop_order_appears_in_each_shops_sales_with_only_that_shops_lines()
    {
        var paid = await PaidTwoShopOrderAsync();
        var glyphsShare = paid.Order.Shops.Single(s => s.ShopId == paid.Glyphs.Shop.Id);
        var paperShare = paid.Order.Shops.Single(s => s.ShopId == paid.Paper.Shop.Id);

        var glyphs = await SalesAsync(paid.Glyphs.Owner, paid.Glyphs.Shop.Id);
        var paper = await SalesAsync(paid.Paper.Owner, paid.Paper.Shop.Id);

        var day = glyphs.Days.Where(d => d.Orders > 0).ShouldHaveSingleItem();
        day.Date.ShouldBe(DateOnly.FromDateTime(paid.Order.PaidAt!.Value.UtcDateTime));
        (day.Gross, day.Fees, day.Net).ShouldBe((2499L, 250L + 30, 2499L - 280));
        (day.Gross, day.Fees, day.Net).ShouldBe((glyphsShare.Subtotal, glyphsShare.Fee, glyphsShare.Share));
        var paperDay = paper.Days.Where(d => d.Orders > 0).ShouldHaveSingleItem();
        (paperDay.Gross, paperDay.Fees, paperDay.Net).ShouldBe((paperShare.Subtotal, paperShare.Fee, paperShare.Share));
        foreach (var sales in new[] { glyphs, paper })
        {
            sales.Days.Count.ShouldBe(GetShopSales.DefaultDays);
            sales.Days.ShouldAllBe(d => d.Gross - d.Fees == d.Net);
            sales.Totals.ShouldBe(sales.Days.Single(d => d.Orders > 0) with { Date = sales.From });
            sales.Currency.ShouldBe("usd");
        }

        (glyphs.Totals.Gross + paper.Totals.Gross).ShouldBe(paid.Order.AmountCharged);
        (glyphs.Totals.Net + paper.Totals.Net + glyphs.Totals.Fees + paper.Totals.Fees).ShouldBe(paid.Order.AmountCharged);
    }

    [Fact]
    public async Task Refunds_and_disputes_of_an_order_count_for_the_shops_of_their_lines_on_their_own_day()
    {
        var paid = await PaidTwoShopOrderAsync();
        var paidAt = paid.Order.PaidAt!.Value;
        var textures = paid.Order.Lines.Single(l => l.ProductId == paid.TexturesId);
        await AppendAsync(paid.Order.Id,
            Refund(textures, textures.Amount, paidAt.AddDays(1)),
            new OrderDisputed("dp_1", paid.Order.AmountCharged, paidAt.AddDays(2)),
            new DisputeClosed("dp_1", false, paidAt.AddDays(3)));
        var range = $"?from={paidAt.UtcDateTime:yyyy-MM-dd}&to={paidAt.UtcDateTime.AddDays(3):yyyy-MM-dd}";

        var glyphs = await SalesAsync(paid.Glyphs.Owner, paid.Glyphs.Shop.Id, range);
        var paper = await SalesAsync(paid.Paper.Owner, paid.Paper.Shop.Id, range);

        paper.Days.Select(d => d.Refunds).ShouldBe([0, 2250, 0, 0]);
        glyphs.Days.Select(d => d.Refunds).ShouldBe([0, 0, 0, 0]);
        paper.Days.Select(d => d.Disputes).ShouldBe([0, 0, 1, 0]);
        (glyphs.Totals.Disputed, paper.Totals.Disputed).ShouldBe((2499L, 2250L));
        (glyphs.Totals.DisputesLost, paper.Totals.DisputesLost).ShouldBe((1, 1));
        paper.Totals.Orders.ShouldBe(1);
    }

    [Fact]
    public async Task Rebuilding_the_projection_from_the_events_gives_the_same_sales()
    {
        var paid = await PaidTwoShopOrderAsync();
        var textures = paid.Order.Lines.Single(l => l.ProductId == paid.TexturesId);
        await AppendAsync(paid.Order.Id, Refund(textures, 1000, paid.Order.PaidAt!.Value));
        var before = await SalesAsync(paid.Paper.Owner, paid.Paper.Shop.Id);
        var glyphsBefore = await SalesAsync(paid.Glyphs.Owner, paid.Glyphs.Shop.Id);

        using (var daemon = await Host.DocumentStore().BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync("ShopSales", CancellationToken.None);
        }

        var after = await SalesAsync(paid.Paper.Owner, paid.Paper.Shop.Id);
        after.Totals.ShouldBe(before.Totals);
        after.Days.ShouldBe(before.Days);
        after.Totals.Refunds.ShouldBe(1000);
        (await SalesAsync(paid.Glyphs.Owner, paid.Glyphs.Shop.Id)).Totals.ShouldBe(glyphsBefore.Totals);
        (await QueryAsync(q => q.Query<ShopSalesEntry>().CountAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task A_seller_asking_for_another_shops_sales_gets_the_404_of_no_shop()
    {
        var paid = await PaidTwoShopOrderAsync();

        var theirs = await AsUserAsync(paid.Glyphs.Owner.Token, s => { s.Get.Url($"/api/shops/{paid.Paper.Shop.Id}/sales"); s.StatusCodeShouldBe(404); });
        var none = await AsUserAsync(paid.Glyphs.Owner.Token, s => { s.Get.Url($"/api/shops/{Guid.NewGuid()}/sales"); s.StatusCodeShouldBe(404); });

        theirs.ShouldBeProblem(404, "/problems/not-found").GetProperty("title").GetString()
            .ShouldBe(none.ShouldBeProblem(404, "/problems/not-found").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2026-02-30", "to")]
    [InlineData("?from=2026-03-02&to=2026-03-01", "from")]
    [InlineData("?from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("?from=0001-01-01&to=9999-12-31", "to")]
    [InlineData("?from=2026-01-01%00&to=2026-01-02", "from")]
    [InlineData("?from=%2B2026-01-01", "from")]
    public async Task A_range_that_cannot_be_read_is_a_validation_problem_naming_the_field(string query, string field)
    {
        var seller = await SellerReadyToSellAsync();

        var result = await AsUserAsync(seller.Owner.Token, s => { s.Get.Url($"/api/shops/{seller.Shop.Id}/sales{query}"); s.StatusCodeShouldBe(400); });

        result.ShouldBeProblem(400, "/problems/validation").GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    private static RefundRequested Refund(OrderLine line, long amount, DateTimeOffset at) =>
        new($"refund-{line.Number}", RefundCauses.Request, [new LineRefund(line.Number, amount)], [new ShopRefund(line.ShopId, amount, 0, amount)],
            amount, "Refunded in a test.", null, null, at);
}
