using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Marketplace.Benchmarks.Catalog;
using Marketplace.Features.Payouts;

namespace Marketplace.Benchmarks.Checkout;

/// <summary>
/// A shop that can sell, through the app's API and the sandbox's control API: opened if need be, its Stripe onboarding
/// completed on the sandbox, and fresh products published in it (each run needs products its buyers do not own yet).
/// </summary>
public sealed class CheckoutShop(SellerApi seller, Guid shopId, string name) : IDisposable
{
    public string Name => name;

    /// <summary>The member's shop (the demo seller's, or one opened now), ready to sell once this returns.</summary>
    public static async Task<CheckoutShop> ReadyAsync(Uri baseAddress, string email, string name, string slug)
    {
        var seller = await SellerApi.SignInAsync(baseAddress, email);
        var shop = await seller.EnsureShopAsync(name, slug, "Products made for the checkout benchmark.", openedBySeed: name.Length == 0);
        var ready = new CheckoutShop(seller, shop.Id, shop.Name);
        await ready.OnboardAsync(onboardedBySeed: name.Length == 0);
        return ready;
    }

    /// <summary>Creates, uploads a file to and publishes a product; answers its id.</summary>
    public async Task<Guid> PublishAsync(string title, long amount)
    {
        var product = await seller.CreateProductAsync(shopId, title, "A product of the checkout benchmark.", amount);
        using var file = new ByteArrayContent(Zip());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var form = new MultipartFormDataContent { { file, "file", "files.zip" } };
        using var uploaded = await seller.Client.PostAsync($"api/products/{product.Id}/files", form);
        await SellerApi.EnsureAsync(uploaded, HttpStatusCode.Created);
        using var published = await seller.Client.PostAsync($"api/products/{product.Id}/publish", null);
        await SellerApi.EnsureAsync(published, HttpStatusCode.OK);
        return product.Id;
    }

    /// <summary>Completes the shop's onboarding on the sandbox, or (the demo shop) waits for the Development seed to.</summary>
    private async Task OnboardAsync(bool onboardedBySeed)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var payouts = await seller.Client.GetAsync($"api/shops/{shopId}/payouts");
            await SellerApi.EnsureAsync(payouts, HttpStatusCode.OK);
            var status = (await payouts.Content.ReadFromJsonAsync<GetPayouts.Response>())!;
            if (status is { PayoutsEnabled: true, CanPublish: true })
            {
                return;
            }

            if (!onboardedBySeed && (status.AccountId is null || !status.DetailsSubmitted))
            {
                using var link = await seller.Client.PostAsync($"api/shops/{shopId}/payouts/onboarding", null);
                await SellerApi.EnsureAsync(link, HttpStatusCode.OK);
                var account = (await link.Content.ReadFromJsonAsync<StartOnboarding.Response>())!.AccountId;
                using var done = await seller.Client.PostAsJsonAsync($"stripe-sandbox/control/accounts/{account}/onboarding", new { outcome = "complete" });
                done.EnsureSuccessStatusCode();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The shop {name} could not sell a minute after its onboarding.");
            }

            await Task.Delay(250);
        }
    }

    public void Dispose() => seller.Dispose();

    private static byte[] Zip()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("readme.txt").Open();
            entry.Write("A file of the checkout benchmark."u8);
        }

        return zip.ToArray();
    }
}
