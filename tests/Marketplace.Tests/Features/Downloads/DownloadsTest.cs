using Alba;
using Marketplace.Features.Downloads.Copies;
using Marketplace.Features.Downloads.Library;
using Marketplace.Features.Downloads.Links;
using Marketplace.Features.Downloads.Serving;
using Marketplace.Features.Orders;
using Marketplace.Tests.Features.Orders;
using Marketplace.Tests.Infrastructure.Files;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.Downloads;

/// <summary>What download tests share: a product bought and paid on the sandbox, its buyer's copy, links and downloads.</summary>
public abstract class DownloadsTest(AppFixture fixture) : RefundsTest(fixture)
{
    /// <summary>A paid purchase of one product with one file: who sold and bought it, and the ids a link names.</summary>
    protected sealed record Purchase(Seller Seller, Member Buyer, Guid ProductId, Guid OrderId, Guid EntitlementId, Guid FileId)
    {
        public string CopyId => BuyerCopy.IdOf(EntitlementId, FileId);
    }

    /// <summary>A seller's product with this file (a small ZIP by default), bought and paid by a new buyer.</summary>
    protected async Task<Purchase> PurchaseAsync(byte[]? file = null, string name = "icons.zip", int? downloadLimit = null, Seller? seller = null)
    {
        seller ??= await SellerReadyToSellAsync();
        var product = await CreateProductAsync(seller, new
        {
            title = "Hand-drawn Icons", description = "Two hundred icons.", price = new { amount = 1500, currency = "usd" }, tags = new[] { "icons" }, downloadLimit,
        });
        var uploaded = await UploadAsync(seller, product.Id, file ?? HostileFiles.SmallZip(), name);
        await PublishAsync(seller, product.Id);
        var buyer = await BuyerAsync();
        var order = await BuyAsync(buyer, product.Id);
        var entitlement = (await EntitlementsOfOrderAsync(order.Id)).Single();
        return new Purchase(seller, buyer, product.Id, order.Id, entitlement.Id, uploaded.FileId);
    }

    /// <summary>The buyer adds the product, checks out and pays; the order once fulfilled.</summary>
    protected async Task<Order> BuyAsync(Member buyer, Guid productId)
    {
        await AddAsync(buyer, productId);
        var checkout = await CheckoutAsync(buyer);
        await PayAsync(checkout);
        return await FulfilledAsync(checkout.OrderId);
    }

    /// <summary>Waits until the buyer's copy of the file is made (ready, unchanged or refused).</summary>
    protected async Task<BuyerCopy> CopyMadeAsync(Purchase purchase) => (await Eventually.ValueAsync(
        () => QueryAsync(q => q.LoadAsync<BuyerCopy>(purchase.CopyId)), copy => copy is { State: not CopyState.Preparing }, 60))!;

    protected Task<DownloadAllowance?> AllowanceAsync(Purchase purchase) => QueryAsync(q => q.LoadAsync<DownloadAllowance>(purchase.CopyId));

    protected Task<IScenarioResult> LinkAsync(Member caller, Guid entitlementId, Guid fileId, int status = 200) => AsUserAsync(caller.Token, s =>
    {
        s.Post.Url($"/api/library/{entitlementId}/files/{fileId}/link");
        s.StatusCodeShouldBe(status);
    });

    /// <summary>A fresh link of the purchase's buyer, as a path and query.</summary>
    protected async Task<string> LinkOfAsync(Purchase purchase) =>
        PathOf((await LinkAsync(purchase.Buyer, purchase.EntitlementId, purchase.FileId)).ReadAsJson<IssueDownloadLink.Response>()!.Url);

    protected static string PathOf(string url) => new Uri(new Uri("http://localhost"), url).PathAndQuery;

    /// <summary>GETs a download link anonymously (as a download manager would), with whatever else the test sets.</summary>
    protected Task<IScenarioResult> DownloadAsync(string link, Action<Scenario>? configure = null) => SendAsync(s =>
    {
        s.Get.Url(link);
        s.IgnoreStatusCode();
        configure?.Invoke(s);
    });

    protected static async Task<byte[]> BodyOf(IScenarioResult result)
    {
        var body = result.Context.Response.Body;
        if (body.CanSeek)
        {
            body.Position = 0;
        }

        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected static int StatusOf(IScenarioResult result) => result.Context.Response.StatusCode;

    protected async Task<IReadOnlyList<LibraryItem>> LibraryAsync(Member buyer) =>
        (await AsUserAsync(buyer.Token, s => s.Get.Url("/api/library"))).ReadAsJson<LibraryItem[]>()!;

    protected Task<IReadOnlyList<DownloadAttempt>> AttemptsAsync(Guid entitlementId) => QueryAsync<IReadOnlyList<DownloadAttempt>>(async q =>
        await q.Query<DownloadAttempt>().Where(a => a.EntitlementId == entitlementId).OrderBy(a => a.At).ToListAsync());

    /// <summary>Waits until this many requests of the entitlement's links were audited (each is, once its response is over).</summary>
    protected Task<IReadOnlyList<DownloadAttempt>> AuditedAsync(Guid entitlementId, int count) =>
        Eventually.ValueAsync(() => AttemptsAsync(entitlementId), attempts => attempts.Count >= count);

    /// <summary>Signs a link with the app's own signer, e.g. one already expired.</summary>
    protected string Sign(Purchase purchase, DateTimeOffset expiresAt, Guid? buyerId = null) =>
        Host.Services.GetRequiredService<DownloadLinks>().Sign(purchase.EntitlementId, purchase.FileId, buyerId ?? purchase.Buyer.Id, expiresAt);
}
