using Marketplace.Features.Orders;

namespace Marketplace.Tests.Features.Orders;

/// <summary>The fee admins set (<c>/api/admin/fees</c>, <c>/api/admin/shops/{id}/fee</c>) is the one checkout charges, from then on.</summary>
public sealed class PlatformFeeTests(AppFixture fixture) : PlatformFeeTest(fixture)
{
    [Fact]
    public async Task An_order_placed_after_a_change_pays_the_new_fee_and_one_placed_before_keeps_the_old()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await ProductOfAsync(seller, "Icons", 2000);
        var admin = await AdminAsync();
        var first = await BuyerAsync();
        await AddAsync(first, product.Id);
        var before = (await CheckoutAsync(first)).OrderId;

        var fees = await FeesAsync(admin);
        (fees.BasisPoints, fees.Fixed, fees.Version).ShouldBe((1000, 30L, 0L));
        var saved = await PutFeeAsync(admin, "/api/admin/fees", new { basisPoints = 500, @fixed = 0, version = fees.Version });
        var second = await BuyerAsync();
        await AddAsync(second, product.Id);
        var after = (await CheckoutAsync(second)).OrderId;

        saved.ReadAsJson<FeeView>()!.ShouldBe(new FeeView(500, 0, 1));
        (await OrderAsync(before))!.PlatformFee.ShouldBe(200 + 30);
        (await OrderAsync(after))!.PlatformFee.ShouldBe(100);
        var now = await FeesAsync(admin);
        (now.BasisPoints, now.Fixed, now.Version, now.Shops.Count).ShouldBe((500, 0L, 1L, 0));
    }

    [Fact]
    public async Task A_shop_override_applies_to_that_shop_only_until_it_is_removed()
    {
        var glyphs = await SellerReadyToSellAsync("Glyph Foundry");
        var paper = await SellerReadyToSellAsync("Paper Mill");
        var icons = await ProductOfAsync(glyphs, "Icons", 2000);
        var textures = await ProductOfAsync(paper, "Textures", 2000);
        var admin = await AdminAsync();
        await PutFeeAsync(admin, $"/api/admin/shops/{paper.Shop.Id}/fee", new { basisPoints = 250, @fixed = 0, version = 0 });

        var order = await OrderOfAsync(icons.Id, textures.Id);
        order.Shops.Single(s => s.ShopId == glyphs.Shop.Id).Fee.ShouldBe(200 + 30);
        order.Shops.Single(s => s.ShopId == paper.Shop.Id).Fee.ShouldBe(50);
        (await FeesAsync(admin)).Shops.ShouldHaveSingleItem().ShouldBe(new GetPlatformFees.ShopFeeView(paper.Shop.Id, "Paper Mill", 250, 0, 1));

        (await ApiStatusAsync(admin.Token, s => s.Delete.Url($"/api/admin/shops/{paper.Shop.Id}/fee"))).ShouldBe(204);
        (await ApiStatusAsync(admin.Token, s => s.Delete.Url($"/api/admin/shops/{paper.Shop.Id}/fee"))).ShouldBe(204);
        var later = await OrderOfAsync(textures.Id);
        later.PlatformFee.ShouldBe(200 + 30);
        (await AuditAsync("shop.fee.set", "shop.fee.clear")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_fee_before_and_after_and_saving_the_same_fee_again_changes_nothing()
    {
        var admin = await AdminAsync();

        await PutFeeAsync(admin, "/api/admin/fees", new { basisPoints = 1200, @fixed = 45, version = 0 });
        await PutFeeAsync(admin, "/api/admin/fees", new { basisPoints = 1200, @fixed = 45, version = 0 });

        var entry = (await AuditAsync("fees.update")).ShouldHaveSingleItem();
        entry.ActorId.ShouldBe(admin.Id);
        (entry.Before["basisPoints"], entry.Before["fixed"]).ShouldBe(("1000", "30"));
        (entry.After["basisPoints"], entry.After["fixed"]).ShouldBe(("1200", "45"));
    }

    [Fact]
    public async Task Of_two_admins_saving_the_fee_at_once_one_is_told_the_fee_changed_meanwhile()
    {
        var (first, second) = (await AdminAsync(), await AdminAsync());

        var results = await Task.WhenAll(
            SaveAsync(first, new { basisPoints = 700, @fixed = 10, version = 0 }),
            SaveAsync(second, new { basisPoints = 900, @fixed = 20, version = 0 }));

        results.Select(r => r.Context.Response.StatusCode).Order().ShouldBe([200, 409]);
        results.Single(r => r.Context.Response.StatusCode == 409).ShouldBeProblem(409, "/problems/conflict");
        var kept = results.Single(r => r.Context.Response.StatusCode == 200).ReadAsJson<FeeView>()!;
        var now = await FeesAsync(first);
        (now.BasisPoints, now.Fixed).ShouldBe((kept.BasisPoints, kept.Fixed));
        (await AuditAsync("fees.update")).Count.ShouldBe(1);

        Task<Alba.IScenarioResult> SaveAsync(Member admin, object body) => AsUserAsync(admin.Token, s =>
        {
            s.Put.Json(body).ToUrl("/api/admin/fees");
            s.IgnoreStatusCode();
        });
    }

    [Fact]
    public async Task Of_two_admins_giving_one_shop_a_fee_at_once_one_is_refused()
    {
        var seller = await SellerReadyToSellAsync();
        var (first, second) = (await AdminAsync(), await AdminAsync());

        var statuses = await Task.WhenAll(
            ApiStatusAsync(first.Token, s => s.Put.Json(new { basisPoints = 100, @fixed = 0, version = 0 }).ToUrl($"/api/admin/shops/{seller.Shop.Id}/fee")),
            ApiStatusAsync(second.Token, s => s.Put.Json(new { basisPoints = 200, @fixed = 0, version = 0 }).ToUrl($"/api/admin/shops/{seller.Shop.Id}/fee")));

        statuses.Order().ShouldBe([200, 409]);
        (await AuditAsync("shop.fee.set")).Count.ShouldBe(1);
    }
}
