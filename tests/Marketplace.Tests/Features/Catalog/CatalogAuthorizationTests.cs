using Marketplace.Features.Accounts;

namespace Marketplace.Tests.Features.Catalog;

/// <summary>The catalog's role matrix on a draft: its shop's owner and admins manage it; everyone else finds nothing (404) or must sign in (401).</summary>
public sealed class CatalogAuthorizationTests(AppFixture fixture) : CatalogTest(fixture)
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
    [InlineData(Caller.Anonymous, 401, 401, 404, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401)]
    [InlineData(Caller.Buyer, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404)]
    [InlineData(Caller.OtherSeller, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404)]
    [InlineData(Caller.Moderator, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404)]
    [InlineData(Caller.Owner, 201, 200, 200, 200, 200, 409, 200, 400, 200, 400, 404, 404, 200)]
    [InlineData(Caller.Admin, 201, 200, 200, 200, 200, 409, 200, 400, 200, 400, 404, 404, 200)]
    public async Task Each_caller_gets_exactly_the_answers_of_their_role(
        Caller caller, int create, int list, int get, int manage, int update, int publish, int unpublish,
        int setCover, int removeCover, int upload, int replace, int deleteFile, int reorder)
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);
        var token = await TokenOfAsync(caller, seller);
        var p = $"/api/products/{product.Id}";
        var missing = Guid.NewGuid();

        var answers = new[]
        {
            await ApiStatusAsync(token, s => s.Post.Json(Fields()).ToUrl($"/api/shops/{seller.Shop.Id}/products")),
            await ApiStatusAsync(token, s => s.Get.Url($"/api/shops/{seller.Shop.Id}/products")),
            await ApiStatusAsync(token, s => s.Get.Url(p)),
            await ApiStatusAsync(token, s => s.Get.Url($"{p}/manage")),
            await ApiStatusAsync(token, s => s.Put.Json(Fields("Renamed")).ToUrl(p)),
            await ApiStatusAsync(token, s => s.Post.Url($"{p}/publish")),
            await ApiStatusAsync(token, s => s.Post.Url($"{p}/unpublish")),
            await ApiStatusAsync(token, s => s.Post.MultipartFormData(Form([1, 2, 3], "cover.png")).ToUrl($"{p}/cover")),
            await ApiStatusAsync(token, s => s.Delete.Url($"{p}/cover")),
            await ApiStatusAsync(token, s => s.Post.MultipartFormData(new MultipartFormDataContent { { new StringContent("x"), "note" } }).ToUrl($"{p}/files")),
            await ApiStatusAsync(token, s => s.Put.MultipartFormData(Form([1, 2, 3], "x.zip")).ToUrl($"{p}/files/{missing}")),
            await ApiStatusAsync(token, s => s.Delete.Url($"{p}/files/{missing}")),
            await ApiStatusAsync(token, s => s.Put.Json(new { fileIds = Array.Empty<Guid>() }).ToUrl($"{p}/files/order")),
        };

        answers.ShouldBe([create, list, get, manage, update, publish, unpublish, setCover, removeCover, upload, replace, deleteFile, reorder]);
    }

    private async Task<string?> TokenOfAsync(Caller caller, Seller seller) => caller switch
    {
        Caller.Anonymous => null,
        Caller.Owner => seller.Owner.Token,
        Caller.Buyer => (await MemberAsync("buyer")).Token,
        Caller.OtherSeller => (await SellerAsync("Other Shop")).Owner.Token,
        Caller.Moderator => (await MemberAsync("moderator", Roles.Moderator)).Token,
        _ => (await MemberAsync("admin", Roles.Admin)).Token,
    };
}
