using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Shops;

public sealed class ManageShopTests(AppFixture fixture) : ShopsTest(fixture)
{
    [Fact]
    public async Task The_owner_renames_the_shop_and_its_address_stays()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        var updated = await AsUserAsync(owner.Token, s => s.Put.Json(new { name = "Type Kitchen", description = "Hot fonts." }).ToUrl($"/api/shops/{shop.Id}"));

        updated.ReadAsJson<ShopView>()!.Name.ShouldBe("Type Kitchen");
        (await SendAsync(s => s.Get.Url($"/api/shops/{shop.Slug}"))).ReadAsJson<ShopView>()!.Description.ShouldBe("Hot fonts.");
    }

    [Fact]
    public async Task Concurrent_renames_each_succeed_or_are_told_to_reload_and_one_of_them_is_the_name()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => AsUserAsync(owner.Token, s =>
        {
            s.Put.Json(new { name = $"Racing name {i}" }).ToUrl($"/api/shops/{shop.Id}");
            s.IgnoreStatusCode();
        })));

        var statuses = results.Select(result => result.Context.Response.StatusCode).ToList();
        statuses.ShouldAllBe(status => status == 200 || status == 409);
        foreach (var conflict in results.Where(result => result.Context.Response.StatusCode == 409))
        {
            Problem(conflict).GetProperty("title").GetString().ShouldBe("Someone else changed this at the same moment.");
        }

        var name = (await QueryAsync(q => q.LoadAsync<Shop>(shop.Id)))!.Name;
        name.ShouldStartWith("Racing name ");
    }

    [Fact]
    public async Task Someone_else_cannot_even_learn_that_the_shop_exists_but_an_admin_can_edit_it()
    {
        var owner = await MemberAsync("owner");
        var stranger = await MemberAsync("stranger");
        var admin = await MemberAsync("admin", Roles.Admin);
        var shop = await OpenShopAsync(owner);

        var refused = await AsUserAsync(stranger.Token, s =>
        {
            s.Put.Json(new { name = "Mine now" }).ToUrl($"/api/shops/{shop.Id}");
            s.StatusCodeShouldBe(404);
        });
        var missing = await AsUserAsync(stranger.Token, s =>
        {
            s.Put.Json(new { name = "Mine now" }).ToUrl($"/api/shops/{Guid.NewGuid()}");
            s.StatusCodeShouldBe(404);
        });

        Problem(refused).GetProperty("title").GetString().ShouldBe(Problem(missing).GetProperty("title").GetString());
        await AsUserAsync(admin.Token, s => s.Put.Json(new { name = "Renamed on request" }).ToUrl($"/api/shops/{shop.Id}"));
        (await QueryAsync(q => q.LoadAsync<Shop>(shop.Id)))!.Name.ShouldBe("Renamed on request");
    }

    [Fact]
    public async Task An_uploaded_logo_is_served_as_a_square_webp()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);
        using var image = new Image<Rgba32>(800, 400, new Rgba32(200, 30, 60));
        using var png = new MemoryStream();
        await image.SaveAsPngAsync(png);

        var uploaded = await AsUserAsync(owner.Token, s => s.Post.MultipartFormData(LogoForm(png.ToArray(), "logo.png")).ToUrl($"/api/shops/{shop.Id}/logo"));

        var logoUrl = uploaded.ReadAsJson<ShopView>()!.LogoUrl!;
        var logo = await SendAsync(s => s.Get.Url(logoUrl));
        logo.Context.Response.ContentType.ShouldBe("image/webp");
        using var body = new MemoryStream();
        await logo.Context.Response.Body.CopyToAsync(body);
        using var served = Image.Load(body.ToArray());
        served.Width.ShouldBe(ShopLogo.Size);
        served.Height.ShouldBe(ShopLogo.Size);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_as_a_logo()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        var result = await AsUserAsync(owner.Token, s =>
        {
            s.Post.MultipartFormData(LogoForm("<svg onload=alert(1)>"u8.ToArray(), "logo.png")).ToUrl($"/api/shops/{shop.Id}/logo");
            s.StatusCodeShouldBe(400);
        });

        Problem(result).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("not an image");
        (await QueryAsync(q => q.LoadAsync<ShopLogo>(shop.Id))).ShouldBeNull();
    }

    [Fact]
    public async Task Deleting_the_owners_account_closes_the_shop()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        await Host.ExecuteAndWaitAsync(() => AsUserAsync(owner.Token, s =>
        {
            s.Post.Json(new { password = Password }).ToUrl("/api/account/delete");
            s.StatusCodeShouldBe(204);
        }), 30_000);

        (await QueryAsync(q => q.LoadAsync<Shop>(shop.Id)))!.Status.ShouldBe(ShopStatus.Closed);
        await SendAsync(s =>
        {
            s.Get.Url($"/api/shops/{shop.Slug}");
            s.StatusCodeShouldBe(404);
        });
    }

    private static MultipartFormDataContent LogoForm(byte[] bytes, string fileName) =>
        new() { { new ByteArrayContent(bytes), "file", fileName } };
}
