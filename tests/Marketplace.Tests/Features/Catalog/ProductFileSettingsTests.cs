using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Tests.Infrastructure.Files;

namespace Marketplace.Tests.Features.Catalog;

/// <summary>The seller's delivery choice for a file (unmarked copies allowed or not): who may set it, and bad input.</summary>
public sealed class ProductFileSettingsTests(AppFixture fixture) : CatalogTest(fixture)
{
    public enum Caller
    {
        Anonymous,
        Buyer,
        OtherSeller,
        Moderator,
        Owner,
        Admin,
    }

    [Theory]
    [InlineData(Caller.Anonymous, 401)]
    [InlineData(Caller.Buyer, 404)]
    [InlineData(Caller.OtherSeller, 404)]
    [InlineData(Caller.Moderator, 404)]
    [InlineData(Caller.Owner, 200)]
    [InlineData(Caller.Admin, 200)]
    public async Task Only_the_shops_owner_or_an_admin_sets_whether_a_file_may_be_served_unmarked(Caller caller, int status)
    {
        var (seller, productId, fileId) = await PdfProductAsync();
        var token = caller switch
        {
            Caller.Anonymous => null,
            Caller.Buyer => (await MemberAsync("buyer")).Token,
            Caller.OtherSeller => (await SellerAsync("Ink Works")).Owner.Token,
            Caller.Moderator => (await MemberAsync("moderator", Roles.Moderator)).Token,
            Caller.Owner => seller.Owner.Token,
            _ => (await MemberAsync("admin", Roles.Admin)).Token,
        };

        var answer = await ApiStatusAsync(token, s => s.Put.Json(new { allowUnmarkedCopies = true }).ToUrl($"/api/products/{productId}/files/{fileId}/settings"));

        answer.ShouldBe(status);
        (await FileAsync(productId, fileId)).AllowUnmarkedCopies.ShouldBe(status == 200);
    }

    [Fact]
    public async Task A_replacement_keeps_the_sellers_choice()
    {
        var (seller, productId, fileId) = await PdfProductAsync();
        await PutAsync(seller, productId, fileId, new { allowUnmarkedCopies = true });

        await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Put.MultipartFormData(Form(HostileFiles.RestrictedPdf(), "book.pdf")).ToUrl($"/api/products/{productId}/files/{fileId}");
            s.StatusCodeShouldBe(200);
        });

        var file = await FileAsync(productId, fileId);
        (file.Revision, file.AllowUnmarkedCopies).ShouldBe((2, true));
    }

    public static TheoryData<string, string, int> HostileBodies => new()
    {
        { "application/json", "{}", 400 },
        { "application/json", "{\"allowUnmarkedCopies\": \"yes\u0000\"}", 400 },
        { "application/json", "{\"allowUnmarkedCopies\": 99999999999999999999}", 400 },
        { "application/json", "{\"allowUnmarkedCopies\": true,,}", 400 },
        { "text/plain", "allowUnmarkedCopies=true", 415 },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_input_is_a_problem_and_changes_nothing(string contentType, string body, int status)
    {
        var (seller, productId, fileId) = await PdfProductAsync();

        await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Put.Text(body).ToUrl($"/api/products/{productId}/files/{fileId}/settings");
            s.ConfigureHttpContext(c => c.Request.ContentType = contentType);
            s.StatusCodeShouldBe(status);
        });

        (await FileAsync(productId, fileId)).AllowUnmarkedCopies.ShouldBeFalse();
    }

    [Fact]
    public async Task Setting_it_twice_at_once_leaves_one_answer()
    {
        var (seller, productId, fileId) = await PdfProductAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => AsUserAsync(seller.Owner.Token, s =>
        {
            s.Put.Json(new { allowUnmarkedCopies = i % 2 == 0 }).ToUrl($"/api/products/{productId}/files/{fileId}/settings");
            s.StatusCodeShouldBe(200);
        })));

        answers.Length.ShouldBe(6);
        (await QueryAsync(q => q.LoadAsync<Product>(productId)))!.Files.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_editor_page_offers_the_choice_for_a_flagged_file_and_another_seller_cannot_use_it()
    {
        var (seller, productId, fileId) = await PdfProductAsync();
        var form = await EditorFormAsync(await SignInCookieAsync(seller.Owner.Email), productId);
        var otherSeller = await SellerAsync("Ink Works");
        var other = await EditorFormAsync(await SignInCookieAsync(otherSeller.Owner.Email), (await CreateProductAsync(otherSeller)).Id);

        var refused = await PostEditorHandlerAsync(productId, "FileSettings", other, ("fileId", fileId.ToString()), ("allowUnmarkedCopies", "true"));
        (await FileAsync(productId, fileId)).AllowUnmarkedCopies.ShouldBeFalse();
        var allowed = await PostEditorHandlerAsync(productId, "FileSettings", form, ("fileId", fileId.ToString()), ("allowUnmarkedCopies", "true"));

        refused.Context.Response.StatusCode.ShouldBe(404);
        allowed.Context.Response.StatusCode.ShouldBe(302);
        (await FileAsync(productId, fileId)).AllowUnmarkedCopies.ShouldBeTrue();
        var page = await SendAsync(s =>
        {
            s.Get.Url($"/shop/products/{productId}");
            s.WithRequestHeader("Cookie", form.Cookie);
        });
        (await page.ReadAsTextAsync()).ShouldContain("Stop unmarked copies");
    }

    private async Task<(Seller Seller, Guid ProductId, Guid FileId)> PdfProductAsync()
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);
        var uploaded = await UploadAsync(seller, product.Id, HostileFiles.RestrictedPdf(), "book.pdf");
        return (seller, product.Id, uploaded.FileId);
    }

    private Task PutAsync(Seller seller, Guid productId, Guid fileId, object body) => AsUserAsync(seller.Owner.Token, s =>
    {
        s.Put.Json(body).ToUrl($"/api/products/{productId}/files/{fileId}/settings");
        s.StatusCodeShouldBe(200);
    });

    private async Task<ProductFile> FileAsync(Guid productId, Guid fileId) =>
        (await QueryAsync(q => q.LoadAsync<Product>(productId)))!.Files.Single(f => f.Id == fileId);
}
