using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Seller;

[Collection(BrowserCollection.Name)]
public sealed class ShopLogoPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_seller_uploads_a_logo_and_a_decompression_bomb_is_refused_on_the_form()
    {
        var page = await fixture.NewPageAsync();
        var home = await page.GotoAsync("/");
        home!.Headers.ShouldNotContainKey("server"); // Kestrel's Server header is off
        await SignUpAndSignInAsync(page, "Logo Owner", "correct horse battery staple");
        await page.GotoAsync("/shops/open");
        await page.GetByLabel("Shop name").FillAsync("Logo Type Co.");
        await page.GetByLabel("Web address").FillAsync($"logo-{Guid.NewGuid():N}"[..16]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my shop" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Payouts");

        await page.GotoAsync("/shop/settings");
        await page.GetByLabel("Image (PNG, JPEG, GIF or WebP").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload logo" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Logo updated.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("img.shop-logo")).ToBeVisibleAsync();
        var logo = await page.Locator("img.shop-logo").GetAttributeAsync("src");

        // Eight 6000×6000 frames in a few hundred bytes: refused before decoding, the logo stays.
        await page.GetByLabel("Image (PNG, JPEG, GIF or WebP").SetInputFilesAsync(new FilePayload { Name = "logo.gif", MimeType = "image/gif", Buffer = GifBomb() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload logo" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The image has too many frames")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("img.shop-logo")).ToHaveAttributeAsync("src", logo!);
    }

    private static byte[] Png()
    {
        using var image = new Image<Rgba32>(300, 200, new Rgba32(30, 120, 90));
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    private static byte[] GifBomb()
    {
        byte[] size = [0x70, 0x17, 0x70, 0x17]; // 6000 × 6000
        var gif = new List<byte>();
        gif.AddRange("GIF89a"u8.ToArray());
        gif.AddRange([.. size, 0x80, 0, 0, 0, 0, 0, 255, 255, 255]);
        for (var i = 0; i < 8; i++)
        {
            gif.AddRange([0x2C, 0, 0, 0, 0, .. size, 0, 0x02, 0x02, 0x4C, 0x01, 0x00]);
        }

        gif.Add(0x3B);
        return [.. gif];
    }
}
