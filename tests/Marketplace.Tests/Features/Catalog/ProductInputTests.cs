using Marketplace.Features.Catalog;
using Marketplace.Features.Forum;
using Marten;

namespace Marketplace.Tests.Features.Catalog;

/// <summary>Malformed, hostile, concurrent and repeated product requests: clear 4xx answers, no change, no duplicate effect.</summary>
public sealed class ProductInputTests(AppFixture fixture) : CatalogTest(fixture)
{
    public static TheoryData<string, string> Malformed => new()
    {
        { """{"title":"Nul\u0000title","price":{"amount":100,"currency":"usd"}}""", "title" },
        { """{"title":"Bell","description":"ring\u0007ring","price":{"amount":100,"currency":"usd"}}""", "description" },
        { """{"title":"Tags","price":{"amount":100,"currency":"usd"},"tags":["ok","bad\u0000"]}""", "tags[1]" },
        { """{"title":"Huge","price":{"amount":1e30,"currency":"usd"}}""", "" },
        { """{"title":"Text","price":{"amount":"cheap","currency":"usd"}}""", "" },
        { """{"title":"Neg","price":{"amount":-1,"currency":"usd"}}""", "price.amount" },
        { """{"title":"Max","price":{"amount":9223372036854775807,"currency":"usd"}}""", "price.amount" },
        { """{"title":"Euro","price":{"amount":100,"currency":"eur"}}""", "price.currency" },
        { """{"title":"Edition","price":{"amount":100,"currency":"usd"},"editionSize":2147483647}""", "editionSize" },
        { """[1,2,3]""", "" },
        { """{"title":"Trailing","price":{"amount":100,"currency":"usd"},}""", "" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_product_is_a_400_problem_and_nothing_is_created(string json, string field)
    {
        var seller = await SellerAsync();
        var result = await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.Text(json).ToUrl($"/api/shops/{seller.Shop.Id}/products");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });

        var problem = Problem(result);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        if (field.Length > 0)
        {
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        }

        (await QueryAsync(q => q.Query<Product>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_product_sent_as_form_text_is_a_415()
    {
        var seller = await SellerAsync();
        await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.Text("title=Hi").ToUrl($"/api/shops/{seller.Shop.Id}/products");
            s.StatusCodeShouldBe(415);
        });
        (await QueryAsync(q => q.Query<Product>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_multi_line_description_keeps_its_lines_and_html_in_titles_stays_text()
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller, Fields("<img src=x onerror=alert(1)> Icons", description: "Line one\nLine two\n\n<iframe src=//evil>"));

        product.Title.ShouldBe("<img src=x onerror=alert(1)> Icons");
        product.Description.ShouldContain("Line one\nLine two");
        product.DescriptionHtml.ShouldNotContain("<iframe");
        var page = await AsUserAsync(seller.Owner.Token, s => s.Get.Url($"/products/{product.Id}/{product.Slug}"));
        (await page.ReadAsTextAsync()).ShouldNotContain("<img src=x");
    }

    [Fact]
    public async Task Ten_concurrent_publishes_publish_once_and_open_one_thread()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await CreateProductAsync(seller);
        await AttachFileAsync(seller, product.Id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            AsUserAsync(seller.Owner.Token, s => { s.Post.Url($"/api/products/{product.Id}/publish"); s.IgnoreStatusCode(); })));

        answers.Select(a => a.Context.Response.StatusCode).ShouldAllBe(status => status == 200);
        await MessagesSettledAsync();
        (await QueryAsync(q => q.Query<ForumThread>().CountAsync(t => t.CategoryId == seller.Shop.Id))).ShouldBe(1);
        (await QueryAsync(q => q.Query<ForumPost>().CountAsync(p => p.ThreadId == product.Id))).ShouldBe(1);
        (await SearchAsync("q=icons")).GetProperty("total").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_edits_all_succeed_and_the_listing_matches_the_product()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);

        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            AsUserAsync(seller.Owner.Token, s => { s.Put.Json(Fields($"Edition {i}", amount: 1000 + i)).ToUrl($"/api/products/{product.Id}"); s.IgnoreStatusCode(); })));

        answers.Select(a => a.Context.Response.StatusCode).ShouldAllBe(status => status == 200);
        var stored = await QueryAsync(q => q.LoadAsync<Product>(product.Id));
        var listed = (await SendAsync(s => s.Get.Url($"/api/products/{product.Id}"))).ReadAsJson<ProductView>()!;
        (listed.Title, listed.Price.Amount).ShouldBe((stored!.Title, stored.PriceAmount));
    }
}
