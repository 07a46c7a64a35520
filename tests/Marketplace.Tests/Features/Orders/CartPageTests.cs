using Marketplace.Features.Orders;
using Marten;

namespace Marketplace.Tests.Features.Orders;

/// <summary>The cart page's forms: the product page's "Add to cart", and hostile form values refused with nothing changed.</summary>
public sealed class CartPageTests(AppFixture fixture) : OrdersTest(fixture)
{
    [Fact]
    public async Task Add_to_cart_on_a_product_page_puts_it_in_the_cart()
    {
        var product = await ProductOfAsync(await SellerReadyToSellAsync(), "Icons", 1500);
        var buyer = await BuyerAsync();
        var form = await ProductFormAsync(buyer, product.Url);

        var added = await PostAddAsync(form, product.Id.ToString(), "1");

        added.Context.Response.StatusCode.ShouldBe(302);
        (await CartAsync(buyer)).Lines.Select(l => l.ProductId).ShouldBe([product.Id]);
    }

    [Theory]
    [InlineData("not-a-guid", "1")]
    [InlineData("00000000-0000-0000-0000-00000000000\0", "1")]
    [InlineData(null, "-5")]
    [InlineData(null, "2")]
    [InlineData(null, "99999999999999999999")]
    [InlineData(null, "1\0")]
    public async Task Hostile_add_to_cart_form_values_are_refused_on_the_page_and_change_nothing(string? productId, string quantity)
    {
        var product = await ProductOfAsync(await SellerReadyToSellAsync(), "Icons", 1500);
        var buyer = await BuyerAsync();
        var form = await ProductFormAsync(buyer, product.Url);

        var refused = await PostAddAsync(form, productId ?? product.Id.ToString(), quantity);

        refused.Context.Response.StatusCode.ShouldBeOneOf(400, 409);
        // A NUL is refused by the app's control-character guard before any page runs (a ProblemDetails); the rest on the form.
        if (!refused.Context.Response.ContentType!.StartsWith("application/problem+json", StringComparison.Ordinal))
        {
            (await refused.ReadAsTextAsync()).ShouldContain("role=\"alert\"");
        }
        (await QueryAsync(q => q.Query<Cart>().Where(c => c.Id == buyer.Id).SingleOrDefaultAsync()))?.Items.ShouldBeEmpty();
    }

    /// <summary>The product page's antiforgery token and the cookies that go with it, for the buyer.</summary>
    private async Task<(string Token, string Cookie)> ProductFormAsync(Member buyer, string productUrl)
    {
        var cookie = await SignInCookieAsync(buyer.Email);
        var page = await SendAsync(s => { s.Get.Url(productUrl); s.WithRequestHeader("Cookie", cookie); });
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("Add to cart");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return (token, $"{cookie}; {page.Context.Response.Headers.SetCookie.ToString().Split(';')[0]}");
    }

    private Task<Alba.IScenarioResult> PostAddAsync((string Token, string Cookie) form, string productId, string quantity) => SendAsync(s =>
    {
        s.Post.FormData(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Token, ["productId"] = productId, ["quantity"] = quantity,
        }).ToUrl("/cart/add");
        s.WithRequestHeader("Cookie", form.Cookie);
        s.IgnoreStatusCode();
    });
}
