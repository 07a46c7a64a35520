using System.Text.Json;

namespace Marketplace.Tests.Features.Catalog;

public sealed class SearchProductsTests(AppFixture fixture) : CatalogTest(fixture)
{
    [Fact]
    public async Task A_title_match_outranks_a_tag_match_which_outranks_a_description_match()
    {
        var seller = await SellerReadyToSellAsync();
        await PublishedProductAsync(seller, Fields("Garden Planner", description: "Plan your watercolor beds.", tags: ["planning"]));
        await PublishedProductAsync(seller, Fields("Watercolor Brushes", description: "Brushes for painters.", tags: ["brushes"]));
        await PublishedProductAsync(seller, Fields("Paper Textures", description: "Scanned paper.", tags: ["watercolor"]));

        Titles(await SearchAsync("q=watercolor")).ShouldBe(["Watercolor Brushes", "Paper Textures", "Garden Planner"]);
    }

    [Fact]
    public async Task Words_match_as_prefixes_and_web_search_syntax_excludes_words()
    {
        var seller = await SellerReadyToSellAsync();
        await PublishedProductAsync(seller, Fields("Hand-drawn Icons"));
        await PublishedProductAsync(seller, Fields("Icon Fonts", tags: ["fonts"]));

        Titles(await SearchAsync("q=ico")).ShouldBe(["Hand-drawn Icons", "Icon Fonts"], ignoreOrder: true);
        Titles(await SearchAsync("q=icons%20-fonts")).ShouldBe(["Hand-drawn Icons"]);
        Titles(await SearchAsync("q=%22icon%20fonts%22")).ShouldBe(["Icon Fonts"]);
        (await SearchAsync("q=%21%21%21")).GetProperty("total").GetInt64().ShouldBe(0);
        (await SearchAsync("q=zzzz")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task A_misspelt_search_finds_titles_that_look_like_it_and_says_so()
    {
        var seller = await SellerReadyToSellAsync();
        await PublishedProductAsync(seller, Fields("Botanical Patterns"));
        await PublishedProductAsync(seller, Fields("Geometric Tiles"));

        var exact = await SearchAsync("q=botanical");
        exact.GetProperty("approximate").GetBoolean().ShouldBeFalse();
        var typo = await SearchAsync("q=botanicl%20patems");
        Titles(typo).ShouldBe(["Botanical Patterns"]);
        typo.GetProperty("approximate").GetBoolean().ShouldBeTrue();
        (await SearchAsync("q=zzqqxx")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Pages_carry_the_total_and_never_repeat_or_skip_a_product()
    {
        var seller = await SellerReadyToSellAsync();
        for (var i = 1; i <= 7; i++)
        {
            await PublishedProductAsync(seller, Fields($"Pattern {i:D2}", amount: 100 * i));
        }

        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var result = await SearchAsync($"q=pattern&sort=price&page={page}&pageSize=3");
            result.GetProperty("total").GetInt64().ShouldBe(7);
            result.GetProperty("page").GetInt32().ShouldBe(page);
            seen.AddRange(Titles(result));
        }

        seen.ShouldBe([.. Enumerable.Range(1, 7).Select(i => $"Pattern {i:D2}")]);
        var past = await SearchAsync("q=pattern&page=9&pageSize=3");
        Titles(past).ShouldBeEmpty();
        past.GetProperty("total").GetInt64().ShouldBe(7);
        (await SearchAsync("page=-4&pageSize=999999")).GetProperty("pageSize").GetInt32().ShouldBe(100);
    }

    [Fact]
    public async Task Filters_narrow_by_shop_tag_price_and_free()
    {
        var fonts = await SellerReadyToSellAsync("Type Foundry");
        var art = await SellerReadyToSellAsync("Art Supply");
        await PublishedProductAsync(fonts, Fields("Serif Family", amount: 4900, tags: ["fonts", "serif"]));
        await PublishedProductAsync(fonts, Fields("Free Sans", amount: 0, tags: ["fonts"]));
        await PublishedProductAsync(art, Fields("Brush Pack", amount: 900, tags: ["brushes"]));

        Titles(await SearchAsync($"shop={fonts.Shop.Slug}&sort=price")).ShouldBe(["Free Sans", "Serif Family"]);
        Titles(await SearchAsync($"shop={art.Shop.Id}")).ShouldBe(["Brush Pack"]);
        Titles(await SearchAsync("tag=Fonts&sort=price-desc")).ShouldBe(["Serif Family", "Free Sans"]);
        Titles(await SearchAsync("free=true")).ShouldBe(["Free Sans"]);
        Titles(await SearchAsync("minPrice=500&maxPrice=1000")).ShouldBe(["Brush Pack"]);
        Titles(await SearchAsync("q=type&sort=price")).ShouldBe(["Free Sans", "Serif Family"]);
    }

    [Fact]
    public async Task Hostile_queries_are_plain_text_or_refused()
    {
        var seller = await SellerReadyToSellAsync();
        await PublishedProductAsync(seller);

        foreach (var q in new[] { "'); drop table marketplace.catalog_listing; --", "a:* | b & !c", "<script>", "\\\\", new string('x', 5000) })
        {
            var result = await SendAsync(s => s.Get.Url($"/api/products?q={Uri.EscapeDataString(q)}"));
            result.ReadAsJson<JsonElement>().GetProperty("total").GetInt64().ShouldBe(0);
        }

        await SendAsync(s => { s.Get.Url("/api/products?q=%00"); s.StatusCodeShouldBe(400); });
        await SendAsync(s => { s.Get.Url("/api/products?minPrice=abc"); s.StatusCodeShouldBe(400); });
        Titles(await SearchAsync("q=icons")).ShouldBe(["Hand-drawn Icons"]);
    }
}
