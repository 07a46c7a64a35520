using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;

namespace Marketplace.Tests.Features.Catalog;

/// <summary>
/// The catalog's pages by role: the seller's list and editor are their own (a sign-in first, a shop first, 404 for
/// another shop's product); a draft's public page is its seller's alone; the catalog is everyone's. Two editor saves
/// sent at once both land, and the product is saved once each time.
/// </summary>
public sealed class CatalogPageAuthorizationTests(AppFixture fixture) : CatalogTest(fixture)
{
    public enum Caller
    {
        Anonymous,
        Buyer,
        OtherSeller,
        Moderator,
        Admin,
        Owner,
    }

    [Theory]
    [InlineData(Caller.Anonymous, 302, 302, 404, 200)]
    [InlineData(Caller.Buyer, 302, 302, 404, 200)]
    [InlineData(Caller.OtherSeller, 200, 404, 404, 200)]
    [InlineData(Caller.Moderator, 302, 302, 404, 200)]
    [InlineData(Caller.Admin, 302, 302, 200, 200)]
    [InlineData(Caller.Owner, 200, 200, 200, 200)]
    public async Task Each_caller_gets_the_pages_of_their_role(Caller caller, int sellerList, int editor, int draftPage, int catalog)
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);
        var cookie = await CookieOfAsync(caller, seller);

        int[] answers =
        [
            await PageStatusAsync(cookie, "/shop/products"),
            await PageStatusAsync(cookie, $"/shop/products/{product.Id}"),
            await PageStatusAsync(cookie, $"/products/{product.Id}/{product.Slug}"),
            await PageStatusAsync(cookie, "/products?q=%27%3B%20drop%20table%20x%3B--&min=-5&max=abc&page=-3"),
        ];

        answers.ShouldBe([sellerList, editor, draftPage, catalog]);
    }

    [Fact]
    public async Task A_hostile_editor_form_is_refused_on_the_form_and_changes_nothing()
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);
        var cookie = await CookieOfAsync(Caller.Owner, seller);
        var form = await EditorFormAsync(cookie, product.Id);

        var result = await PostEditorFormAsync(product.Id, form, ("Input.Title", "x"), ("Input.Price", "1e999"), ("Input.EditionSize", "-4"));

        result.Context.Response.StatusCode.ShouldBe(200);
        var html = await result.ReadAsTextAsync();
        html.ShouldContain("Write the price as a number");
        (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Title.ShouldBe(product.Title);
    }

    [Fact]
    public async Task Two_editor_saves_sent_at_once_both_land()
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);
        var cookie = await CookieOfAsync(Caller.Owner, seller);
        var form = await EditorFormAsync(cookie, product.Id);

        var saves = await Task.WhenAll(new[] { "First title", "Second title" }.Select(title =>
            PostEditorFormAsync(product.Id, form, ("Input.Title", title), ("Input.Price", "9.50"))));

        saves.Select(s => s.Context.Response.StatusCode).ShouldAllBe(status => status == 302);
        var stored = await QueryAsync(q => q.LoadAsync<Product>(product.Id));
        stored!.Title.ShouldBeOneOf("First title", "Second title");
        stored.PriceAmount.ShouldBe(950);
    }

    private async Task<string?> CookieOfAsync(Caller caller, Seller seller)
    {
        string email;
        switch (caller)
        {
            case Caller.Anonymous:
                return null;
            case Caller.Owner:
                email = seller.Owner.Email;
                break;
            case Caller.OtherSeller:
                email = (await SellerAsync("Other Shop")).Owner.Email;
                break;
            default:
                email = NewEmail(caller.ToString().ToLowerInvariant());
                await CreateAccountAsync(email, caller switch { Caller.Moderator => [Roles.Moderator], Caller.Admin => [Roles.Admin], _ => [] });
                break;
        }

        return await SignInCookieAsync(email);
    }
}
