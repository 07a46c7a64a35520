using Marketplace.Features.Orders;
using Marten;

namespace Marketplace.Tests.Features.Orders;

/// <summary>The cart: signed-in buyers, published products of active shops, one of each download, prices read again every time.</summary>
public sealed class CartTests(AppFixture fixture) : OrdersTest(fixture)
{
    [Fact]
    public async Task A_buyer_adds_products_of_two_shops_sees_todays_prices_and_removes_one()
    {
        var first = await ProductOfAsync(await SellerReadyToSellAsync("Glyph Foundry"), "Icons", 1500);
        var second = await ProductOfAsync(await SellerReadyToSellAsync("Paper Mill"), "Textures", 2250);
        var buyer = await BuyerAsync();

        await AddAsync(buyer, first.Id);
        var cart = (await AddAsync(buyer, second.Id)).ReadAsJson<CartView>()!;

        cart.Lines.Select(l => (l.Title, l.ShopName, l.UnitAmount, l.Quantity)).ShouldBe([("Icons", "Glyph Foundry", 1500L, 1), ("Textures", "Paper Mill", 2250L, 1)]);
        cart.Total.ShouldBe(3750);
        cart.Currency.ShouldBe("usd");
        var after = (await AsUserAsync(buyer.Token, s => s.Delete.Url($"/api/cart/items/{first.Id}"))).ReadAsJson<CartView>()!;
        after.Lines.Select(l => l.ProductId).ShouldBe([second.Id]);
        (await CartAsync(buyer)).Total.ShouldBe(2250);
    }

    [Fact]
    public async Task The_same_product_added_twice_at_once_is_one_line()
    {
        var product = await ProductOfAsync(await SellerReadyToSellAsync());
        var buyer = await BuyerAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AddAsync(buyer, product.Id)));

        var stored = await QueryAsync(q => q.LoadAsync<Cart>(buyer.Id));
        stored!.Items.Count.ShouldBe(1);
        (await CartAsync(buyer)).Lines.Single().Quantity.ShouldBe(1);
    }

    [Fact]
    public async Task A_download_is_bought_once_and_a_limited_edition_up_to_what_is_left()
    {
        var seller = await SellerReadyToSellAsync();
        var download = await ProductOfAsync(seller, "Icons");
        var edition = await ProductOfAsync(seller, "Print", 5000, editionSize: 3);
        var buyer = await BuyerAsync();

        (await AddAsync(buyer, download.Id, 2, 409)).ShouldBeProblem(409, OrderProblems.NotBuyableType);
        (await AddAsync(buyer, edition.Id, 4, 409)).ShouldBeProblem(409, OrderProblems.SoldOutType);
        var cart = (await AddAsync(buyer, edition.Id, 3)).ReadAsJson<CartView>()!;

        cart.Lines.Single().Quantity.ShouldBe(3);
        cart.Lines.Single().EditionRemaining.ShouldBe(3);
        cart.Total.ShouldBe(15000);
    }

    [Fact]
    public async Task Unknown_draft_own_and_withdrawn_products_are_refused_and_the_cart_is_unchanged()
    {
        var seller = await SellerReadyToSellAsync();
        var draft = await CreateProductAsync(seller);
        var own = await ProductOfAsync(seller, "Mine");
        var withdrawn = await ProductOfAsync(seller, "Withdrawn");
        await AsUserAsync(seller.Owner.Token, s => s.Post.Url($"/api/products/{withdrawn.Id}/unpublish"));
        var buyer = await BuyerAsync();

        (await AddAsync(buyer, Guid.NewGuid(), status: 404)).ShouldBeProblem(404, Marketplace.Infrastructure.Web.ProblemTypes.NotFound);
        (await AddAsync(buyer, draft.Id, status: 404)).ShouldBeProblem(404, Marketplace.Infrastructure.Web.ProblemTypes.NotFound);
        (await AddAsync(buyer, withdrawn.Id, status: 409)).ShouldBeProblem(409, OrderProblems.NotBuyableType);
        var ownRefusal = (await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.Json(new { productId = own.Id, quantity = 1 }).ToUrl("/api/cart/items");
            s.StatusCodeShouldBe(409);
        })).ShouldBeProblem(409, OrderProblems.NotBuyableType);

        ownRefusal.GetProperty("detail").GetString()!.ShouldContain("your own shop");
        (await QueryAsync(q => q.Query<Cart>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_product_unpublished_or_of_a_suspended_shop_drops_out_of_the_cart_with_a_message()
    {
        var seller = await SellerReadyToSellAsync("Glyph Foundry");
        var other = await SellerReadyToSellAsync("Paper Mill");
        var unpublished = await ProductOfAsync(seller, "Icons");
        var suspended = await ProductOfAsync(other, "Textures");
        var kept = await ProductOfAsync(seller, "Brushes", 700);
        var buyer = await BuyerAsync();
        foreach (var id in new[] { unpublished.Id, suspended.Id, kept.Id })
        {
            await AddAsync(buyer, id);
        }

        await AsUserAsync(seller.Owner.Token, s => s.Post.Url($"/api/products/{unpublished.Id}/unpublish"));
        await SetShopStatusAsync(other.Shop.Id, Marketplace.Features.Shops.ShopStatus.Suspended);

        var cart = await CartAsync(buyer);

        cart.Lines.Select(l => l.Title).ShouldBe(["Brushes"]);
        cart.Total.ShouldBe(700);
        cart.DroppedLines.Select(d => d.Title).ShouldBe(["Icons", "Textures"], ignoreOrder: true);
        cart.DroppedLines.Single(d => d.Title == "Icons").Message.ShouldContain("withdrawn");
        cart.DroppedLines.Single(d => d.Title == "Textures").Message.ShouldContain("Paper Mill is not selling");
    }

    [Theory]
    [InlineData("""{"productId":"00000000-0000-0000-0000-000000000001","quantity":-1}""")]
    [InlineData("""{"productId":"00000000-0000-0000-0000-000000000001","quantity":2147483647}""")]
    [InlineData("""{"productId":"00000000-0000-0000-0000-000000000001","quantity":99999999999999999999}""")]
    [InlineData("""{"productId":"not-a-guid","quantity":1}""")]
    [InlineData("""{"productId":"00000000-0000-0000-0000-00000000000\u0000","quantity":1}""")]
    [InlineData("""{"productId":"00000000-0000-0000-0000-000000000000","quantity":1}""")]
    [InlineData("""{"productId":""")]
    public async Task Hostile_cart_input_is_a_problem_and_changes_nothing(string body)
    {
        var buyer = await BuyerAsync();

        var result = await AsUserAsync(buyer.Token, s =>
        {
            s.Post.Text(body).ToUrl("/api/cart/items");
            s.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            s.StatusCodeShouldBe(400);
        });

        result.Context.Response.ContentType!.ShouldStartWith("application/problem+json");
        (await QueryAsync(q => q.Query<Cart>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_form_post_to_the_cart_api_is_refused_as_the_wrong_content_type()
    {
        var buyer = await BuyerAsync();

        var result = await AsUserAsync(buyer.Token, s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["productId"] = Guid.NewGuid().ToString(), ["quantity"] = "1" }).ToUrl("/api/cart/items");
            s.StatusCodeShouldBe(415);
        });

        result.Context.Response.ContentType!.ShouldStartWith("application/problem+json");
        (await QueryAsync(q => q.Query<Cart>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_non_guid_product_id_in_the_path_is_not_found()
    {
        var buyer = await BuyerAsync();

        await AsUserAsync(buyer.Token, s =>
        {
            s.Delete.Url("/api/cart/items/not-a-guid");
            s.StatusCodeShouldBe(404);
        });
    }
}
