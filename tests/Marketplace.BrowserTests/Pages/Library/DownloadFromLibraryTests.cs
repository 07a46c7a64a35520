using System.IO.Compression;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Library;

[Collection(BrowserCollection.Name)]
public sealed class DownloadFromLibraryTests(BrowserFixture fixture)
{
    [Fact]
    public async Task After_paying_the_buyer_downloads_from_the_library_a_copy_that_names_them()
    {
        var (productId, title, _) = await Orders.OrderSteps.PublishedProductAsync(
            fixture, "Otto Ornament", "Otto's Ornaments", "Library Brushes", "6.00", "brushes.zip");

        var buyer = await fixture.NewPageAsync();
        await buyer.GotoAsync("/");
        await SignUpAndSignInAsync(buyer, "Dana Downloader", "correct horse battery staple");
        await buyer.GotoAsync($"/products/{productId}");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(buyer.GetByText("Added to your cart.")).ToBeVisibleAsync();
        await buyer.GotoAsync("/cart");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Pay with Stripe" }).ClickAsync();
        await buyer.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await buyer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/orders/[0-9a-f-]{36}\\?checkout=success"));
        var orderId = new Uri(buyer.Url).AbsolutePath.Split('/')[^1];

        // From the paid order to the library, where the copy is made for this buyer.
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Open your library" }).ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(buyer.GetByRole(AriaRole.Heading, new() { Name = "Your library" })).ToBeVisibleAsync();
        await Assertions.Expect(buyer.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var download = buyer.GetByRole(AriaRole.Button, new() { Name = "Download" });
        await Assertions.Expect(download).ToBeEnabledAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(buyer.Locator(".remaining")).ToHaveTextAsync("5");
        await BrowserFixture.ScreenshotAsync(buyer, "library");

        var saved = await buyer.RunAndWaitForDownloadAsync(() => download.ClickAsync());

        saved.SuggestedFilename.ShouldBe("brushes.zip");
        using var zip = new ZipArchive(new MemoryStream(await File.ReadAllBytesAsync(await saved.PathAsync())));
        var licence = zip.Entries.Single(e => e.FullName.StartsWith("LICENSE-", StringComparison.Ordinal));
        licence.FullName.ShouldBe($"LICENSE-{orderId}.txt");
        new StreamReader(licence.Open()).ReadToEnd().ShouldContain("Dana Downloader");
        zip.GetEntry("brushes/readme.txt").ShouldNotBeNull();
        await Assertions.Expect(buyer.Locator(".remaining")).ToHaveTextAsync("4", new() { Timeout = 30_000 });
    }
}
