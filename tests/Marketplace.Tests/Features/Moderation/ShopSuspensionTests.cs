using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Features.Shops;
using Marketplace.Tests.Features.Catalog;
using Marten;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Moderation;

public sealed class ShopSuspensionTests(AppFixture fixture) : CatalogTest(fixture)
{
    private Task SetStatusAndWaitAsync(string admin, Guid shopId, string verb, string reason = "Selling fonts it has no licence for.") =>
        Host.ExecuteAndWaitAsync(() => AsUserAsync(admin, s =>
        {
            s.Post.Json(new { reason }).ToUrl($"/api/admin/shops/{shopId}/{verb}");
            s.StatusCodeShouldBe(200);
        }), 30_000);

    [Fact]
    public async Task A_suspended_shop_leaves_the_catalog_and_returns_when_reinstated_and_both_are_audited()
    {
        var admin = (await MemberAsync("admin", Roles.Admin)).Token;
        var seller = await SellerReadyToSellAsync();
        await PublishedProductAsync(seller, Fields(title: "Suspendable Serif"));

        await SetStatusAndWaitAsync(admin, seller.Shop.Id, "suspend");
        Titles(await SearchAsync("q=suspendable")).ShouldBeEmpty();
        (await QueryAsync(q => q.LoadAsync<Shop>(seller.Shop.Id)))!.StatusReason.ShouldBe("Selling fonts it has no licence for.");

        await SetStatusAndWaitAsync(admin, seller.Shop.Id, "reinstate", "Licences shown.");
        Titles(await SearchAsync("q=suspendable")).ShouldBe(["Suspendable Serif"]);
        var entries = await QueryAsync(q => q.Query<AuditEntry>().Where(e => e.TargetKind == "shop").OrderBy(e => e.At).ToListAsync());
        entries.Select(e => (e.Action, e.Before["status"], e.After["status"])).ShouldBe([("shop.suspend", "active", "suspended"), ("shop.reinstate", "suspended", "active")]);
        entries[1].Reason.ShouldBe("Licences shown.");
    }

    [Fact]
    public async Task Only_admins_suspend_and_reinstate_shops()
    {
        var seller = await SellerAsync();
        var member = (await MemberAsync("member")).Token;
        var moderator = (await MemberAsync("moderator", Roles.Moderator)).Token;
        var admin = (await MemberAsync("admin", Roles.Admin)).Token;
        var expected = new (string? Token, int Status)[] { (null, 401), (member, 403), (seller.Owner.Token, 403), (moderator, 403), (admin, 200) };

        foreach (var (token, status) in expected)
        {
            (await ApiStatusAsync(token, s => s.Post.Json(new { reason = "Checking." }).ToUrl($"/api/admin/shops/{seller.Shop.Id}/suspend"))).ShouldBe(status);
            (await ApiStatusAsync(token, s => s.Post.Json(new { reason = "Checking." }).ToUrl($"/api/admin/shops/{seller.Shop.Id}/reinstate"))).ShouldBe(status);
        }
    }

    [Fact]
    public async Task A_closed_an_unknown_or_unexplained_suspension_is_refused_and_changes_nothing()
    {
        var admin = (await MemberAsync("admin", Roles.Admin)).Token;
        var seller = await SellerAsync();
        var closed = await SellerAsync("Closed Type");
        await SetShopStatusAsync(closed.Shop.Id, ShopStatus.Closed);

        (await ApiStatusAsync(admin, s => s.Post.Json(new { reason = "x" }).ToUrl($"/api/admin/shops/{closed.Shop.Id}/suspend"))).ShouldBe(409);
        (await ApiStatusAsync(admin, s => s.Post.Json(new { reason = "x" }).ToUrl($"/api/admin/shops/{Guid.NewGuid()}/suspend"))).ShouldBe(404);
        (await ApiStatusAsync(admin, s => s.Post.Json(new { reason = " " }).ToUrl($"/api/admin/shops/{seller.Shop.Id}/suspend"))).ShouldBe(400);
        (await ApiStatusAsync(admin, s => s.Post.Json(new { reason = new string('x', 501) }).ToUrl($"/api/admin/shops/{seller.Shop.Id}/suspend"))).ShouldBe(400);
        (await ApiStatusAsync(admin, s => s.Post.Json(new { reason = "Bad\0" }).ToUrl($"/api/admin/shops/{seller.Shop.Id}/suspend"))).ShouldBe(400);
        (await ApiStatusAsync(admin, s => s.Post.Text("{\"reason\":").ToUrl($"/api/admin/shops/{seller.Shop.Id}/suspend")
            .ContentType("application/json"))).ShouldBe(400);

        (await QueryAsync(q => q.LoadAsync<Shop>(seller.Shop.Id)))!.Status.ShouldBe(ShopStatus.Active);
        (await QueryAsync(q => q.Query<AuditEntry>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Ten_suspensions_at_once_and_a_rename_meanwhile_suspend_the_shop_once_and_keep_the_new_name()
    {
        var admin = (await MemberAsync("admin", Roles.Admin)).Token;
        var seller = await SellerAsync();

        var suspensions = Enumerable.Range(0, 10).Select(_ => ApiStatusAsync(admin,
            s => s.Post.Json(new { reason = "Chargebacks." }).ToUrl($"/api/admin/shops/{seller.Shop.Id}/suspend")));
        var rename = ApiStatusAsync(seller.Owner.Token, s => s.Put.Json(new { name = "Renamed Foundry", description = "Still here." }).ToUrl($"/api/shops/{seller.Shop.Id}"));
        var statuses = await Task.WhenAll([.. suspensions, rename]);

        statuses.ShouldAllBe(status => status == 200);
        var shop = (await QueryAsync(q => q.LoadAsync<Shop>(seller.Shop.Id)))!;
        (shop.Status, shop.Name).ShouldBe((ShopStatus.Suspended, "Renamed Foundry"));
        (await QueryAsync(q => q.Query<AuditEntry>().Where(e => e.Action == "shop.suspend").CountAsync())).ShouldBe(1);
    }
}
