using Marketplace.Features.Catalog;
using Marketplace.Tests.Security;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace Marketplace.Tests.Features.Catalog;

public sealed class ProductCoverTests(AppFixture fixture) : CatalogTest(fixture)
{
    [Fact]
    public async Task A_cover_is_served_in_two_webp_sizes_without_the_uploads_metadata()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);
        using var photo = Image.Load(HostileImages.Png(800, 500));
        photo.Metadata.ExifProfile = new ExifProfile();
        photo.Metadata.ExifProfile.SetValue(ExifTag.Artist, "Secret Location 51.5N");
        using var jpeg = new MemoryStream();
        await photo.SaveAsJpegAsync(jpeg);

        var set = await AsUserAsync(seller.Owner.Token, s => s.Post.MultipartFormData(Form(jpeg.ToArray(), "cover.jpg")).ToUrl($"/api/products/{product.Id}/cover"));
        var cover = set.ReadAsJson<ProductView>()!.Cover!;

        foreach (var (url, width, height) in new[] { (cover.Small, 480, 360), (cover.Large, 1200, 900) })
        {
            var served = await SendAsync(s => s.Get.Url(url));
            served.Context.Response.ContentType.ShouldBe("image/webp");
            using var body = new MemoryStream();
            await served.Context.Response.Body.CopyToAsync(body);
            var bytes = body.ToArray();
            var info = Image.Identify(bytes);
            (info.Width, info.Height).ShouldBe((width, height));
            info.Metadata.ExifProfile.ShouldBeNull();
            System.Text.Encoding.Latin1.GetString(bytes).ShouldNotContain("Secret Location");
        }

        var listed = await SendAsync(s => s.Get.Url($"/api/products/{product.Id}"));
        listed.ReadAsJson<ProductView>()!.Cover!.Small.ShouldBe(cover.Small);
    }

    [Fact]
    public async Task A_drafts_cover_is_its_sellers_alone_and_a_bomb_is_refused_leaving_the_cover_as_it_was()
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);
        var set = await AsUserAsync(seller.Owner.Token, s => s.Post.MultipartFormData(Form(HostileImages.Png(), "cover.png")).ToUrl($"/api/products/{product.Id}/cover"));
        var cover = set.ReadAsJson<ProductView>()!.Cover!;

        await SendAsync(s => { s.Get.Url(cover.Small); s.StatusCodeShouldBe(404); });
        await AsUserAsync(seller.Owner.Token, s => { s.Get.Url(cover.Small); s.StatusCodeShouldBe(200); });

        var refused = await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.MultipartFormData(Form(HostileImages.PngHeaderClaiming(60_000, 60_000), "cover.png")).ToUrl($"/api/products/{product.Id}/cover");
            s.StatusCodeShouldBe(400);
        });
        Problem(refused).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("too large");
        (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.CoverVersion.ShouldBe(cover.Small.Split("v=")[1]);

        var stranger = await SellerAsync("Other Shop");
        await AsUserAsync(stranger.Owner.Token, s =>
        {
            s.Post.MultipartFormData(Form(HostileImages.Png(), "cover.png")).ToUrl($"/api/products/{product.Id}/cover");
            s.StatusCodeShouldBe(404);
        });
        await AsUserAsync(stranger.Owner.Token, s => { s.Delete.Url($"/api/products/{product.Id}/cover"); s.StatusCodeShouldBe(404); });

        await AsUserAsync(seller.Owner.Token, s => s.Delete.Url($"/api/products/{product.Id}/cover"));
        (await QueryAsync(q => q.LoadAsync<ProductCover>(product.Id))).ShouldBeNull();
    }
}
