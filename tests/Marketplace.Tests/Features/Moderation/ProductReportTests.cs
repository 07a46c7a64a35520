using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Web;
using Marketplace.Tests.Features.Catalog;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

public sealed class ProductReportTests(AppFixture fixture) : CatalogTest(fixture)
{
    private static string ReportsOf(Guid productId) => $"/api/products/{productId}/reports";

    [Fact]
    public async Task A_member_reports_a_product_once_however_often_or_concurrently_they_send_it()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);
        var buyer = await MemberAsync("buyer");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            ApiStatusAsync(buyer.Token, s => s.Post.Json(new { reason = "misleading", text = "The preview shows other icons." }).ToUrl(ReportsOf(product.Id)))));

        statuses.ShouldAllBe(s => s == 202);
        var report = (await QueryAsync(q => q.Query<ProductReport>().ToListAsync())).ShouldHaveSingleItem();
        (report.MemberId, report.Reason, report.Text).ShouldBe((buyer.Id, "misleading", "The preview shows other icons."));
        (await QueryAsync(q => q.Query<QueueItem>().ToListAsync())).ShouldHaveSingleItem().Id.ShouldBe(QueueItem.IdOf(QueueKinds.Product, product.Id));
        await AsUserAsync((await MemberAsync("another")).Token, s => { s.Post.Json(new { reason = "malware" }).ToUrl(ReportsOf(product.Id)); s.StatusCodeShouldBe(202); });
        (await QueryAsync(q => q.Query<ProductReport>().CountAsync())).ShouldBe(2);
        (await QueryAsync(q => q.Query<QueueItem>().CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Members_and_staff_report_while_strangers_suspended_members_and_the_seller_cannot()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        var suspended = await MemberAsync("suspended");
        await AsUserAsync(moderator.Token, s =>
        {
            s.Post.Json(new { until = DateTimeOffset.UtcNow.AddDays(3), reason = "Report spam." }).ToUrl($"/api/moderation/users/{suspended.Id}/suspend");
            s.StatusCodeShouldBe(200);
        });
        var body = new { reason = "infringement" };

        foreach (var (token, status) in new (string?, int)[]
        {
            (null, 401), (suspended.Token, 403), (seller.Owner.Token, 409), ((await MemberAsync("buyer")).Token, 202),
            ((await SellerAsync("Other Shop")).Owner.Token, 202), (moderator.Token, 202), ((await MemberAsync("admin", Roles.Admin)).Token, 202),
        })
        {
            (await ApiStatusAsync(token, s => s.Post.Json(body).ToUrl(ReportsOf(product.Id)))).ShouldBe(status);
        }
    }

    [Fact]
    public async Task A_report_needs_a_known_reason_and_sane_text_and_a_product_that_is_for_sale()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);
        var draft = await CreateProductAsync(seller);
        var buyer = await MemberAsync("buyer");
        var url = ReportsOf(product.Id);

        foreach (var body in new object[]
        {
            new { reason = "" }, new { reason = "spam" }, new { reason = "other" }, new { reason = "malware", text = new string('x', 501) },
            new { reason = "malware", text = "Null\0byte" }, new { reason = "malware\u0085" },
        })
        {
            (await AsUserAsync(buyer.Token, s => { s.Post.Json(body).ToUrl(url); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400, ProblemTypes.Validation);
        }

        (await ApiStatusAsync(buyer.Token, s => s.Post.Text("{\"reason\":").ContentType("application/json").ToUrl(url))).ShouldBe(400);
        (await ApiStatusAsync(buyer.Token, s => s.Post.Text("reason=malware").ContentType("text/plain").ToUrl(url))).ShouldBe(415);
        (await ApiStatusAsync(buyer.Token, s => s.Post.Json(new { reason = "malware" }).ToUrl(ReportsOf(Guid.NewGuid())))).ShouldBe(404);
        (await ApiStatusAsync(buyer.Token, s => s.Post.Json(new { reason = "malware" }).ToUrl(ReportsOf(draft.Id)))).ShouldBe(404);
        (await QueryAsync(q => q.Query<ProductReport>().CountAsync())).ShouldBe(0);
        (await QueryAsync(q => q.Query<QueueItem>().CountAsync())).ShouldBe(0);
    }
}
