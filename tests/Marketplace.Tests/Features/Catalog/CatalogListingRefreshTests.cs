using Marketplace.Features.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Tests.Features.Catalog;

/// <summary>Listings written by an older release, or lost, are written again at start-up: visitors never get a stale shape.</summary>
public sealed class CatalogListingRefreshTests(AppFixture fixture) : CatalogTest(fixture)
{
    [Fact]
    public async Task Stale_and_missing_listings_are_rewritten_and_current_ones_left_alone()
    {
        var seller = await SellerReadyToSellAsync();
        var stale = await PublishedProductAsync(seller, Fields("Old Shape"));
        var missing = await PublishedProductAsync(seller, Fields("Lost Row"));
        await PublishedProductAsync(seller, Fields("Fresh Row"));
        await ExecuteAsync($"update {CatalogListings.Name} set format = 0, body = '{{\"old\":true}}' where id = '{stale.Id}'");
        await ExecuteAsync($"delete from {CatalogListings.Name} where id = '{missing.Id}'");

        var refreshed = await CatalogListingRefresh.RunAsync(Host.Services.GetRequiredService<IServiceScopeFactory>(), default);

        refreshed.ShouldBe(2);
        (await SendAsync(s => s.Get.Url($"/api/products/{stale.Id}"))).ReadAsJson<ProductView>()!.Title.ShouldBe("Old Shape");
        (await SendAsync(s => s.Get.Url($"/api/products/{missing.Id}"))).ReadAsJson<ProductView>()!.Title.ShouldBe("Lost Row");
        Titles(await SearchAsync("sort=newest")).ShouldBe(["Fresh Row", "Lost Row", "Old Shape"]);
        (await CatalogListingRefresh.RunAsync(Host.Services.GetRequiredService<IServiceScopeFactory>(), default)).ShouldBe(0);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
