using System.IO.Compression;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Orders;

[Collection(BrowserCollection.Name)]
public sealed class BuyFromTwoShopsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_buyer_pays_for_products_of_two_shops_on_the_hosted_checkout_and_sees_the_order_turn_paid_without_a_reload()
    {
        // Two shops, each with one published product.
        var brushes = await PublishedProductAsync(fixture, "Olga Ornament", "Olga's Ornaments", "Ornament Brushes", "8.00");
        var serif = await PublishedProductAsync(fixture, "Hal Harbor", "Harbor Type", "Harbor Serif", "29.00");

        // The buyer adds one product of each shop from the product pages.
        var buyer = await fixture.NewPageAsync();
        await buyer.GotoAsync("/");
        var email = await SignUpAndSignInAsync(buyer, "Bea Buyer", "correct horse battery staple");
        foreach (var (productId, title, _) in new[] { serif, brushes })
        {
            await buyer.GotoAsync($"/products/{productId}");
            await Assertions.Expect(Heading(buyer)).ToHaveTextAsync(title);
            await buyer.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
            await Assertions.Expect(buyer.GetByText("Added to your cart.")).ToBeVisibleAsync();
        }

        await Assertions.Expect(buyer.Locator("[data-testid=cart-total]")).ToHaveTextAsync("37.00 USD");
        await ScreenshotOnPhoneAsync(buyer, "cart-phone");

        // Stripe's hosted checkout (the sandbox's), paid with the test card, returns to the order, which turns paid live.
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Pay with Stripe" }).ClickAsync();
        await Assertions.Expect(buyer.GetByRole(AriaRole.Heading, new() { Name = "Pay 37.00 USD" })).ToBeVisibleAsync();
        await buyer.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await buyer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/orders/[0-9a-f-]{36}\\?checkout=success"));
        await buyer.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        await Assertions.Expect(buyer.Locator("#order-status")).ToHaveAttributeAsync("data-status", "fulfilled", new() { Timeout = 30_000 });
        await Assertions.Expect(buyer.Locator("#order-timeline li[data-type=paid]")).ToBeVisibleAsync();
        (await buyer.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).ShouldBeTrue();
        await Assertions.Expect(buyer.GetByRole(AriaRole.Link, new() { Name = "Open your library" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(buyer, "order-paid");
        await ScreenshotOnPhoneAsync(buyer, "order-paid-phone");

        // The receipt, with its link to the library, is in the dev outbox.
        (await DevOutbox.WaitForLinkAsync(buyer, email, "/library")).ShouldEndWith("/library");

        // The seller's sales page charts the day's net (29.00 minus the fee of 10 % + 0.30) and lists it in the table.
        var seller = serif.Seller;
        await seller.GotoAsync("/shop/sales");
        await Assertions.Expect(seller.GetByRole(AriaRole.Img, new() { Name = "Daily net revenue" })).ToBeVisibleAsync();
        await Assertions.Expect(seller.Locator(".sales-table tfoot")).ToContainTextAsync("25.80 USD");
        await BrowserFixture.ScreenshotAsync(seller, "seller-sales");
    }

    /// <summary>A seller signs up, opens a shop with payouts and publishes a product; its id and title, and the seller's page.</summary>
    internal static async Task<(string Id, string Title, IPage Seller)> PublishedProductAsync(
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

    internal static byte[] Zip()
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
