using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Marketplace.Benchmarks.Catalog;
using Marketplace.Benchmarks.Upload;
using Marketplace.Features.Catalog;
using Marketplace.Features.Downloads.Copies;
using Marketplace.Features.Payouts;

namespace Marketplace.Benchmarks.Downloads;

/// <summary>
/// A purchase to download, made through the app's API as people would: the demo seller uploads a ZIP of stored random
/// entries to a new product and publishes it, the demo buyer pays for it on the sandbox's checkout, and the buyer's
/// copy (the same size, with a licence added) is waited for in the library.
/// </summary>
public sealed record DownloadPurchase(Guid EntitlementId, Guid FileId, string CopyKey)
{
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(10);

    public static async Task<DownloadPurchase> MakeAsync(Uri app, long mib)
    {
        using var seller = await SellerApi.SignInAsync(app, "seller@marketplace.localhost");
        var shop = await seller.EnsureShopAsync("", DemoShop.Slug, "", openedBySeed: true);
        var product = await seller.CreateProductAsync(shop.Id, $"Download benchmark {DateTime.UtcNow:yyyy-MM-dd HH.mm.ss}", "Footage in one ZIP.", 900);
        var total = mib * 1024 * 1024;
        using var form = new MultipartFormDataContent { { new StreamedZipContent(Enumerable.Range(1, 8).Select(i => ($"clip-{i}.mp4", total / 8))), "file", "footage.zip" } };
        using var uploaded = await seller.Client.PostAsync($"api/products/{product.Id}/files", form);
        await SellerApi.EnsureAsync(uploaded, HttpStatusCode.Created);
        var file = (await uploaded.Content.ReadFromJsonAsync<ProductFileUploads.Uploaded>())!;
        using var published = await seller.Client.PostAsync($"api/products/{product.Id}/publish", null);
        await SellerApi.EnsureAsync(published, HttpStatusCode.OK);

        using var buyer = await SellerApi.SignInAsync(app, "buyer@marketplace.localhost");
        using var added = await buyer.Client.PostAsJsonAsync("api/cart/items", new { productId = product.Id, quantity = 1 });
        await SellerApi.EnsureAsync(added, HttpStatusCode.OK);
        using var checkout = await buyer.Client.PostAsync("api/checkout", null);
        await SellerApi.EnsureAsync(checkout, HttpStatusCode.OK);
        var session = JsonDocument.Parse(await checkout.Content.ReadAsStringAsync()).RootElement.GetProperty("checkoutUrl").GetString()!.Split('/')[^1];
        using var paid = await buyer.Client.PostAsJsonAsync($"stripe-sandbox/control/checkout/sessions/{session}/pay",
            new { card = "4242424242424242", email = "buyer@marketplace.localhost", name = "Bea Buyer" });
        await SellerApi.EnsureAsync(paid, HttpStatusCode.OK);

        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < CopyTimeout)
        {
            using var library = JsonDocument.Parse(await buyer.Client.GetStringAsync("api/library"));
            foreach (var item in library.RootElement.EnumerateArray().Where(i => i.GetProperty("productId").GetGuid() == product.Id))
            {
                var copy = item.GetProperty("files")[0].GetProperty("copy").GetString();
                if (copy == "ready")
                {
                    var key = CopyMaker.KeyOf(item.GetProperty("entitlementId").GetGuid(), new ProductFile { Id = file.FileId, Revision = 1, BlobKey = "file.zip" });
                    return new DownloadPurchase(item.GetProperty("entitlementId").GetGuid(), file.FileId, key);
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The buyer's copy was not made in time.");
    }

    private readonly Dictionary<Uri, SellerApi> signedIn = [];

    /// <summary>A fresh link of the demo buyer's, as a path and query (the buyer signs in once per app: sign-ins are rate limited).</summary>
    public async Task<string> LinkAsync(Uri app)
    {
        if (!signedIn.TryGetValue(app, out var buyer))
        {
            signedIn[app] = buyer = await SellerApi.SignInAsync(app, "buyer@marketplace.localhost");
        }

        using var link = await buyer.Client.PostAsync($"api/library/{EntitlementId}/files/{FileId}/link", null);
        await SellerApi.EnsureAsync(link, HttpStatusCode.OK);
        return new Uri(JsonDocument.Parse(await link.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!).PathAndQuery;
    }
}
