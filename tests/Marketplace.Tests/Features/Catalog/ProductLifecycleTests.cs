using System.Text.Json;
using Marketplace.Features.Catalog;
using Marten;

namespace Marketplace.Tests.Features.Catalog;

public sealed class ProductLifecycleTests(AppFixture fixture) : CatalogTest(fixture)
{
    [Fact]
    public async Task A_seller_creates_a_draft_that_only_they_can_see()
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller, Fields("Hand-drawn Icons, vol. 2", 1999, "**Bold** <script>alert(1)</script>", ["Line Art", "SVG", "svg"]));

        product.Status.ShouldBe("draft");
        product.Slug.ShouldBe("hand-drawn-icons-vol-2");
        product.Price.Amount.ShouldBe(1999);
        product.Price.Currency.ShouldBe("usd");
        product.Tags.ShouldBe(["line-art", "svg"]);
        product.DescriptionHtml.ShouldContain("<strong>Bold</strong>");
        product.DescriptionHtml.ShouldNotContain("<script");
        product.Seller!.MissingToPublish.ShouldBe([ProductPublishing.Payouts, ProductPublishing.Files], ignoreOrder: true);

        await SendAsync(s => { s.Get.Url($"/api/products/{product.Id}"); s.StatusCodeShouldBe(404); });
        var stranger = await MemberAsync("stranger");
        await AsUserAsync(stranger.Token, s => { s.Get.Url($"/api/products/{product.Id}"); s.StatusCodeShouldBe(404); });
        await AsUserAsync(seller.Owner.Token, s => { s.Get.Url($"/api/products/{product.Id}"); s.StatusCodeShouldBe(200); });
        (await SearchAsync("q=icons")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task An_invalid_product_lists_every_field_error_at_once_and_creates_nothing()
    {
        var seller = await SellerAsync();
        var result = await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.Json(new
            {
                title = " x ", description = new string('d', 20_001), price = new { amount = -5, currency = "USD" },
                tags = Enumerable.Range(0, 11).Select(i => $"tag{i}").ToArray(), downloadLimit = 0, linkLifetimeMinutes = 1, editionSize = -1,
            }).ToUrl($"/api/shops/{seller.Shop.Id}/products");
            s.StatusCodeShouldBe(400);
        });

        var errors = Problem(result).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldBe(["title", "description", "price.amount", "price.currency", "tags", "downloadLimit", "linkLifetimeMinutes", "editionSize"], ignoreOrder: true);
        (await QueryAsync(q => q.Query<Product>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Publishing_is_refused_until_payouts_are_enabled_and_a_file_exists()
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);

        var refused = await AsUserAsync(seller.Owner.Token, s => { s.Post.Url($"/api/products/{product.Id}/publish"); s.StatusCodeShouldBe(409); });
        var problem = Problem(refused);
        problem.GetProperty("type").GetString().ShouldBe("/problems/product-not-publishable");
        problem.GetProperty("missing").EnumerateObject().Select(p => p.Name).ShouldBe([ProductPublishing.Payouts, ProductPublishing.Files], ignoreOrder: true);

        await AttachFileAsync(seller, product.Id);
        refused = await AsUserAsync(seller.Owner.Token, s => { s.Post.Url($"/api/products/{product.Id}/publish"); s.StatusCodeShouldBe(409); });
        Problem(refused).GetProperty("missing").EnumerateObject().Select(p => p.Name).ShouldBe([ProductPublishing.Payouts]);
        (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Status.ShouldBe(ProductStatus.Draft);
    }

    [Fact]
    public async Task A_published_product_is_public_until_unpublished_and_its_thread_opens_in_the_shop_category()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);
        product.Status.ShouldBe("published");
        product.PublishedAt.ShouldNotBeNull();

        var page = await SendAsync(s => s.Get.Url($"/api/products/{product.Id}"));
        var json = page.ReadAsJson<JsonElement>();
        json.GetProperty("title").GetString().ShouldBe("Hand-drawn Icons");
        json.TryGetProperty("seller", out _).ShouldBeFalse();
        json.GetProperty("files")[0].GetProperty("name").GetString().ShouldBe("icons.zip");
        Titles(await SearchAsync("q=icons")).ShouldBe(["Hand-drawn Icons"]);

        await MessagesSettledAsync();
        var thread = await QueryAsync(q => q.LoadAsync<Marketplace.Features.Forum.ForumThread>(product.Id));
        thread.ShouldNotBeNull();
        thread.CategoryId.ShouldBe(seller.Shop.Id);
        thread.Subject!.Id.ShouldBe(product.Id);

        await AsUserAsync(seller.Owner.Token, s => { s.Post.Url($"/api/products/{product.Id}/unpublish"); s.StatusCodeShouldBe(200); });
        await SendAsync(s => { s.Get.Url($"/api/products/{product.Id}"); s.StatusCodeShouldBe(404); });
        (await SearchAsync("q=icons")).GetProperty("total").GetInt64().ShouldBe(0);

        var again = await PublishAsync(seller, product.Id);
        again.PublishedAt.ShouldBe(product.PublishedAt);
        await MessagesSettledAsync();
        (await QueryAsync(q => q.Query<Marketplace.Features.Forum.ForumThread>().CountAsync(t => t.CategoryId == seller.Shop.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Another_seller_cannot_see_or_touch_a_shops_products()
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);
        var other = await SellerAsync("Other Shop");
        var token = other.Owner.Token;

        await AsUserAsync(token, s => { s.Put.Json(Fields("Stolen")).ToUrl($"/api/products/{product.Id}"); s.StatusCodeShouldBe(404); });
        await AsUserAsync(token, s => { s.Post.Url($"/api/products/{product.Id}/publish"); s.StatusCodeShouldBe(404); });
        await AsUserAsync(token, s => { s.Post.Url($"/api/products/{product.Id}/unpublish"); s.StatusCodeShouldBe(404); });
        await AsUserAsync(token, s => { s.Get.Url($"/api/products/{product.Id}/manage"); s.StatusCodeShouldBe(404); });
        await AsUserAsync(token, s => { s.Get.Url($"/api/shops/{seller.Shop.Id}/products"); s.StatusCodeShouldBe(404); });
        await AsUserAsync(token, s => { s.Post.Json(Fields()).ToUrl($"/api/shops/{seller.Shop.Id}/products"); s.StatusCodeShouldBe(404); });
        await SendAsync(s => { s.Put.Json(Fields("Stolen")).ToUrl($"/api/products/{product.Id}"); s.StatusCodeShouldBe(401); });
        (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Title.ShouldBe("Hand-drawn Icons");
    }

    [Fact]
    public async Task A_suspended_shops_products_leave_the_catalog_and_come_back_when_it_is_reinstated()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);

        await SetShopStatusAsync(seller.Shop.Id, Marketplace.Features.Shops.ShopStatus.Suspended);
        await Eventually.ValueAsync(() => SearchAsync("q=icons"), page => page.GetProperty("total").GetInt64() == 0);
        await SendAsync(s => { s.Get.Url($"/api/products/{product.Id}"); s.StatusCodeShouldBe(404); });

        await SetShopStatusAsync(seller.Shop.Id, Marketplace.Features.Shops.ShopStatus.Active);
        var back = await Eventually.ValueAsync(() => SearchAsync("q=icons"), page => page.GetProperty("total").GetInt64() == 1);
        Titles(back).ShouldBe(["Hand-drawn Icons"]);
    }

    [Fact]
    public async Task A_shop_rename_reaches_its_listings()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);

        await AsUserAsync(seller.Owner.Token, s => s.Put.Json(new { name = "Renamed Foundry", description = "" }).ToUrl($"/api/shops/{seller.Shop.Id}"));
        var renamed = await Eventually.ValueAsync(
            async () => (await SendAsync(s => s.Get.Url($"/api/products/{product.Id}"))).ReadAsJson<JsonElement>(),
            json => json.GetProperty("shop").GetProperty("name").GetString() == "Renamed Foundry");
        Titles(await SearchAsync("q=renamed")).ShouldBe(["Hand-drawn Icons"]);
        renamed.GetProperty("title").GetString().ShouldBe("Hand-drawn Icons");
    }
}
