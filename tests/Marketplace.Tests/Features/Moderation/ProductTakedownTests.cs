using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Moderation;
using Marketplace.Tests.Features.Catalog;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

public sealed class ProductTakedownTests(AppFixture fixture) : CatalogTest(fixture)
{
    [Fact]
    public async Task A_taken_down_product_leaves_search_cannot_be_republished_until_restored_and_both_are_audited()
    {
        var moderator = (await MemberAsync("moderator", Roles.Moderator)).Token;
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller, Fields(title: "Pirated Pixels"));

        (await ApiStatusAsync(moderator, s => s.Post.Json(new { reason = "Copies another artist's work." }).ToUrl($"/api/moderation/products/{product.Id}/takedown")))
            .ShouldBe(200);

        Titles(await SearchAsync("q=pirated")).ShouldBeEmpty();
        (await ApiStatusAsync(null, s => s.Get.Url($"/api/products/{product.Id}"))).ShouldBe(404);
        var refused = await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.Url($"/api/products/{product.Id}/publish");
            s.StatusCodeShouldBe(409);
        });
        refused.ReadAsJson<JsonElement>().GetProperty("missing").GetProperty("takedown").GetString()!.ShouldContain("Copies another artist's work.");

        (await ApiStatusAsync(moderator, s => s.Post.Url($"/api/moderation/products/{product.Id}/restore"))).ShouldBe(200);
        await PublishAsync(seller, product.Id);
        Titles(await SearchAsync("q=pirated")).ShouldBe(["Pirated Pixels"]);
        var entries = await QueryAsync(q => q.Query<AuditEntry>().Where(e => e.TargetKind == "product").OrderBy(e => e.At).ToListAsync());
        entries.Select(e => (e.Action, e.Before["status"], e.After["takenDown"])).ShouldBe([("product.takedown", "published", "true"), ("product.restore", "unpublished", "false")]);
    }

    [Fact]
    public async Task A_malware_takedown_is_recorded_for_downloads_and_a_repeat_changes_nothing()
    {
        var moderator = (await MemberAsync("moderator", Roles.Moderator)).Token;
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);
        var body = new { reason = "The ZIP holds a trojan.", malware = true };

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ApiStatusAsync(moderator, s => s.Post.Json(body).ToUrl($"/api/moderation/products/{product.Id}/takedown"))));

        (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Takedown.ShouldNotBeNull().Malware.ShouldBeTrue();
        (await QueryAsync(q => q.Query<AuditEntry>().Where(e => e.Action == "product.takedown").CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Only_moderators_and_admins_take_products_down_and_bad_requests_change_nothing()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);
        var member = (await MemberAsync("member")).Token;
        var moderator = (await MemberAsync("moderator", Roles.Moderator)).Token;
        var admin = (await MemberAsync("admin", Roles.Admin)).Token;
        string url = $"/api/moderation/products/{product.Id}/takedown";

        foreach (var (token, status) in new (string?, int)[] { (null, 401), (member, 403), (seller.Owner.Token, 403) })
        {
            (await ApiStatusAsync(token, s => s.Post.Json(new { reason = "x" }).ToUrl(url))).ShouldBe(status);
            (await ApiStatusAsync(token, s => s.Post.Url($"/api/moderation/products/{product.Id}/restore"))).ShouldBe(status);
        }

        (await ApiStatusAsync(moderator, s => s.Post.Json(new { reason = "" }).ToUrl(url))).ShouldBe(400);
        (await ApiStatusAsync(moderator, s => s.Post.Json(new { reason = new string('x', 501) }).ToUrl(url))).ShouldBe(400);
        (await ApiStatusAsync(moderator, s => s.Post.Json(new { reason = "x\0" }).ToUrl(url))).ShouldBe(400);
        (await ApiStatusAsync(moderator, s => s.Post.Text("{\"reason\":").ContentType("application/json").ToUrl(url))).ShouldBe(400);
        (await ApiStatusAsync(moderator, s => s.Post.Json(new { reason = "x" }).ToUrl($"/api/moderation/products/{Guid.NewGuid()}/takedown"))).ShouldBe(404);
        (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Takedown.ShouldBeNull();

        (await ApiStatusAsync(admin, s => s.Post.Json(new { reason = "Checked." }).ToUrl(url))).ShouldBe(200);
        (await ApiStatusAsync(moderator, s => s.Post.Url($"/api/moderation/products/{product.Id}/restore"))).ShouldBe(200);
    }
}
