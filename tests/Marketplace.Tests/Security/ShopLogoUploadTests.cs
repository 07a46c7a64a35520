using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Web;
using Marketplace.Tests.Features.Shops;

namespace Marketplace.Tests.Security;

/// <summary>
/// Hostile files uploaded as a shop logo: each is a 400 validation problem on <c>file</c>, decided before any pixel
/// is decoded where the headers tell, and the shop and its logo are left as they were.
/// </summary>
public sealed class ShopLogoUploadTests(AppFixture fixture) : ShopsTest(fixture)
{
    public static TheoryData<string, string> Refused => new()
    {
        { "zero-byte", "Choose an image file" },
        { "8-page TIFF", "not an image we accept" },
        { "GIF bomb: 8 frames of 6000×6000", "too many frames" },
        { "GIF of 150 frames", "too many frames" },
        { "PNG header claiming 100000×100000", "too large" },
        { "PNG header claiming 7000×7000", "too large" },
        { "truncated PNG", "damaged" },
        { "PNG with a bad CRC", "damaged" },
        { "PNG with garbage pixels", "damaged" },
        { "truncated JPEG", "damaged" },
        { "GIF/JavaScript polyglot", "damaged" },
        { "SVG named logo.png", "not an image we accept" },
        { "TIFF renamed logo.png", "not an image we accept" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_hostile_or_broken_image_is_refused_with_a_400_and_nothing_is_stored(string file, string reason)
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        var result = await AsUserAsync(owner.Token, s =>
        {
            s.Post.MultipartFormData(LogoForm(Bytes(file), "logo.png", "image/png")).ToUrl($"/api/shops/{shop.Id}/logo");
            s.StatusCodeShouldBe(400);
        });

        var problem = result.ShouldBeProblem(400, ProblemTypes.Validation);
        problem.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain(reason);
        (await QueryAsync(q => q.LoadAsync<ShopLogo>(shop.Id))).ShouldBeNull();
        (await QueryAsync(q => q.LoadAsync<Shop>(shop.Id)))!.LogoVersion.ShouldBeNull();
    }

    [Fact]
    public async Task A_refused_upload_leaves_the_previous_logo_in_place()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);
        await AsUserAsync(owner.Token, s => s.Post.MultipartFormData(LogoForm(HostileImages.Png(), "logo.png", "image/png")).ToUrl($"/api/shops/{shop.Id}/logo"));
        var before = await QueryAsync(q => q.LoadAsync<ShopLogo>(shop.Id));

        await AsUserAsync(owner.Token, s =>
        {
            s.Post.MultipartFormData(LogoForm(HostileImages.GifBomb(6000, 6000, 8), "logo.gif", "image/gif")).ToUrl($"/api/shops/{shop.Id}/logo");
            s.StatusCodeShouldBe(400);
        });

        var after = await QueryAsync(q => q.LoadAsync<ShopLogo>(shop.Id));
        after!.Version.ShouldBe(before!.Version);
        after.Data.ShouldBe(before.Data);
    }

    [Fact]
    public async Task A_small_animated_gif_is_accepted_and_its_first_frame_becomes_the_logo()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        await AsUserAsync(owner.Token, s => s.Post.MultipartFormData(LogoForm(HostileImages.AnimatedGif(3), "logo.gif", "image/gif")).ToUrl($"/api/shops/{shop.Id}/logo"));

        (await QueryAsync(q => q.LoadAsync<ShopLogo>(shop.Id)))!.Data.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_jpeg_with_a_camera_trailer_after_its_end_is_accepted()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);
        byte[] jpeg = [.. HostileImages.Jpeg(), .. "SEFH trailer a phone camera appends"u8.ToArray()];

        await AsUserAsync(owner.Token, s => s.Post.MultipartFormData(LogoForm(jpeg, "photo.jpg", "image/jpeg")).ToUrl($"/api/shops/{shop.Id}/logo"));

        (await QueryAsync(q => q.LoadAsync<ShopLogo>(shop.Id))).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_format_is_decided_by_the_content_so_a_png_named_gif_is_read_as_a_png()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        await AsUserAsync(owner.Token, s => s.Post.MultipartFormData(LogoForm(HostileImages.Png(), "logo.gif", "image/gif")).ToUrl($"/api/shops/{shop.Id}/logo"));

        (await QueryAsync(q => q.LoadAsync<ShopLogo>(shop.Id))).ShouldNotBeNull();
    }

    private static byte[] Bytes(string file) => file switch
    {
        "zero-byte" => [],
        "8-page TIFF" or "TIFF renamed logo.png" => HostileImages.MultiPageTiff(8),
        "GIF bomb: 8 frames of 6000×6000" => HostileImages.GifBomb(6000, 6000, 8),
        "GIF of 150 frames" => HostileImages.GifBomb(4, 4, 150),
        "PNG header claiming 100000×100000" => HostileImages.PngHeaderClaiming(100_000, 100_000),
        "PNG header claiming 7000×7000" => HostileImages.PngHeaderClaiming(7_000, 7_000),
        "truncated PNG" => HostileImages.Truncated(HostileImages.Png()),
        "PNG with a bad CRC" => HostileImages.WithBadCrc(HostileImages.Png()),
        "PNG with garbage pixels" => HostileImages.PngWithGarbagePixels(),
        "truncated JPEG" => HostileImages.Truncated(HostileImages.Jpeg()),
        "GIF/JavaScript polyglot" => HostileImages.GifJavaScriptPolyglot(),
        "SVG named logo.png" => HostileImages.Svg(),
        _ => throw new ArgumentOutOfRangeException(nameof(file)),
    };

    private static MultipartFormDataContent LogoForm(byte[] bytes, string fileName, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { content, "file", fileName } };
    }
}
