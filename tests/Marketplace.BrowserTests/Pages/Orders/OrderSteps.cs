using System.IO.Compression;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Orders;

/// <summary>What the order journeys share: a seller's product published through the seller's pages.</summary>
public static class OrderSteps
{
    /// <summary>A seller signs up, opens a shop with payouts and publishes a product; its id and title, and the seller's page.</summary>
    public static async Task<(string Id, string Title, IPage Seller)> PublishedProductAsync(
        BrowserFixture fixture, string sellerName, string shopName, string stem, string price, string fileName = "files.zip")
    {
        var seller = await fixture.NewPageAsync();
        await seller.GotoAsync("/");
        await SignUpAndSignInAsync(seller, sellerName, "correct horse battery staple");
        await Catalog.SellAndFindProductTests.OpenShopWithPayoutsAsync(seller, shopName);
        var title = $"{stem} {Guid.NewGuid():N}"[..(stem.Length + 9)];
        await seller.GotoAsync("/shop/products/new");
        await seller.GetByLabel("Title").FillAsync(title);
        await seller.GetByLabel("Price (USD, 0 for free)").FillAsync(price);
        await seller.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Assertions.Expect(seller.GetByText("Product created.")).ToBeVisibleAsync();
        await seller.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/zip", Buffer = Zip() });
        await Assertions.Expect(seller.Locator(".editor-files .file-name")).ToHaveTextAsync(fileName, new() { Timeout = 30_000 });
        await seller.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(seller.GetByText("Published: the product is in the catalog.")).ToBeVisibleAsync();
        var id = new Uri(seller.Url).AbsolutePath.Split('/')[^1];
        return (id, title, seller);
    }

    private static byte[] Zip()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("brushes/readme.txt").Open();
            entry.Write("Twelve ornament brushes."u8);
        }

        return zip.ToArray();
    }
}
