using System.IO.Compression;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Catalog;

[Collection(BrowserCollection.Name)]
public sealed class SellAndFindProductTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_seller_lists_a_product_with_a_file_and_a_visitor_finds_it_from_the_storefront_search()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await SignUpAndSignInAsync(page, "Petra Pattern", "correct horse battery staple");
        await OpenShopWithPayoutsAsync(page, "Petra's Patterns");
        var title = $"Botanical Patterns {Guid.NewGuid():N}"[..27];

        // A new product: a missing price is explained on the form, and the draft says what it needs to be published.
        await page.GotoAsync("/shop/products");
        await page.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Description").FillAsync("Twelve **seamless** botanical patterns, as SVG and PNG.");
        await page.GetByLabel("Price (USD, 0 for free)").FillAsync("0.20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Assertions.Expect(page.GetByText("A paid product costs at least 0.50")).ToBeVisibleAsync();
        await page.GetByLabel("Price (USD, 0 for free)").FillAsync("12.50");
        await page.GetByLabel("Tags").FillAsync("patterns, botanical");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Product created.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-missing=files]")).ToBeVisibleAsync();

        // The upload shows its progress (the network is slowed so that a person could watch it), then the file is listed.
        var network = await page.Context.NewCDPSessionAsync(page);
        await network.SendAsync("Network.enable");
        await network.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = 1_000_000,
        });
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "patterns.zip", MimeType = "application/zip", Buffer = Zip(3_000_000) });
        await Assertions.Expect(page.Locator(".upload-progress progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".upload-percent")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]?%$"));
        await BrowserFixture.ScreenshotAsync(page, "product-upload-progress");
        await Assertions.Expect(page.Locator(".editor-files .file-name")).ToHaveTextAsync("patterns.zip", new() { Timeout = 30_000 });
        await network.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1,
        });

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Published: the product is in the catalog.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "product-editor");

        // A visitor searches from the storefront and opens the product.
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Searchbox, new() { Name = "Search products" }).FillAsync("botanical pattern");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(Heading(visitor)).ToContainTextAsync("botanical pattern");
        await BrowserFixture.ScreenshotAsync(visitor, "catalog-search");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(Heading(visitor)).ToHaveTextAsync(title);
        await Assertions.Expect(visitor.GetByText("12.50 USD")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator(".file-list .file-name")).ToHaveTextAsync("patterns.zip");
        await Assertions.Expect(visitor.Locator(".product-description strong")).ToHaveTextAsync("seamless");
        await BrowserFixture.ScreenshotAsync(visitor, "product-page");
        await ScreenshotOnPhoneAsync(visitor, "product-page-phone");

        await visitor.GetByRole(AriaRole.Link, new() { Name = "Petra's Patterns" }).First.ClickAsync();
        await Assertions.Expect(visitor.Locator(".product-grid")).ToContainTextAsync(title);
    }

    internal static async Task OpenShopWithPayoutsAsync(IPage page, string name)
    {
        await page.GotoAsync("/shops/open");
        await page.GetByLabel("Shop name").FillAsync(name);
        await page.GetByLabel("Web address").FillAsync($"shop-{Guid.NewGuid():N}"[..16]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my shop" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up payouts" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".payout-state")).ToHaveAttributeAsync("data-state", "enabled");
    }

    /// <summary>A ZIP of incompressible bytes, stored as they are: its size on the wire is its size.</summary>
    private static byte[] Zip(int bytes)
    {
        var data = new byte[bytes];
        new Random(7).NextBytes(data);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("patterns/botanical.bin", CompressionLevel.NoCompression).Open();
            entry.Write(data);
        }

        return zip.ToArray();
    }
}
