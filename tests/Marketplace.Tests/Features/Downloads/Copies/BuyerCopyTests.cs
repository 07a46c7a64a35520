using System.IO.Compression;
using System.Security.Cryptography;
using Marketplace.Features.Catalog;
using Marketplace.Features.Downloads.Copies;
using Marketplace.Infrastructure.Storage;
using Marketplace.Tests.Infrastructure.Files;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Marketplace.Tests.Features.Downloads.Copies;

/// <summary>Each buyer's copy, made by the durable job right after payment, once, and again only for a new revision of the file.</summary>
public sealed class BuyerCopyTests(AppFixture fixture) : DownloadsTest(fixture)
{
    [Fact]
    public async Task After_payment_the_buyers_copy_is_made_once_stored_with_its_size_and_hash_and_carries_the_licence()
    {
        var purchase = await PurchaseAsync();

        var copy = await CopyMadeAsync(purchase);

        copy.State.ShouldBe(CopyState.Ready);
        copy.SourceRevision.ShouldBe(1);
        var bytes = await BlobAsync(copy.BlobKey!);
        bytes.Length.ShouldBe((int)copy.Size);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(copy.Sha256);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        zip.Entries.ShouldContain(e => e.FullName == $"LICENSE-{purchase.OrderId}.txt");
        zip.Comment.ShouldContain(purchase.EntitlementId.ToString());

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new PrepareCopy(purchase.EntitlementId, purchase.FileId));
        }

        await MessagesSettledAsync();
        var again = (await QueryAsync(q => q.LoadAsync<BuyerCopy>(purchase.CopyId)))!;
        again.MadeAt.ShouldBe(copy.MadeAt);
        again.BlobKey.ShouldBe(copy.BlobKey);
    }

    [Fact]
    public async Task A_file_replaced_by_the_seller_gives_the_buyer_a_new_copy_of_the_new_revision_and_the_old_copy_goes()
    {
        var purchase = await PurchaseAsync();
        var first = await CopyMadeAsync(purchase);

        await AsUserAsync(purchase.Seller.Owner.Token, s =>
        {
            s.Put.MultipartFormData(Form(HostileFiles.Zip(("readme.txt", "Version two."u8.ToArray())), "icons.zip"))
                .ToUrl($"/api/products/{purchase.ProductId}/files/{purchase.FileId}");
            s.StatusCodeShouldBe(200);
        });
        var link = await LinkOfAsync(purchase);
        var second = await Eventually.ValueAsync(() => QueryAsync(q => q.LoadAsync<BuyerCopy>(purchase.CopyId)),
            c => c is { State: CopyState.Ready, SourceRevision: 2 }, 60);

        second!.BlobKey.ShouldNotBe(first.BlobKey);
        using var zip = new ZipArchive(new MemoryStream(await BodyOf(await DownloadAsync(link))));
        new StreamReader(zip.GetEntry("readme.txt")!.Open()).ReadToEnd().ShouldBe("Version two.");
        await MessagesSettledAsync();
        (await Blobs().StatAsync(first.BlobKey!, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task An_encrypted_pdf_is_refused_without_the_sellers_consent_and_nothing_is_served()
    {
        var purchase = await PurchaseAsync(HostileFiles.RestrictedPdf(), "book.pdf");

        var copy = await CopyMadeAsync(purchase);

        copy.State.ShouldBe(CopyState.Refused);
        copy.RefusalReason.ShouldBe("encrypted");
        copy.BlobKey.ShouldBeNull();
        (await LinkAsync(purchase.Buyer, purchase.EntitlementId, purchase.FileId, 410)).ShouldBeProblem(410, "/problems/download-copy-refused");
        (await LibraryAsync(purchase.Buyer)).Single().Files.Single().Copy.ShouldBe("refused");
    }

    [Fact]
    public async Task An_encrypted_pdf_is_served_exactly_as_uploaded_when_the_seller_allows_unmarked_copies()
    {
        var pdf = HostileFiles.RestrictedPdf();
        var seller = await SellerReadyToSellAsync();
        var purchase = await PurchaseWithConsentAsync(seller, pdf);

        var copy = await CopyMadeAsync(purchase);

        copy.State.ShouldBe(CopyState.Unchanged);
        copy.Note!.ShouldContain("encrypted");
        var download = await DownloadAsync(await LinkOfAsync(purchase));
        StatusOf(download).ShouldBe(200);
        (await BodyOf(download)).ShouldBe(pdf);
    }

    [Fact]
    public async Task A_kind_that_carries_no_mark_is_served_as_uploaded_without_a_second_stored_copy()
    {
        var mp3 = HostileFiles.Signature("mp3 (ID3)");
        var purchase = await PurchaseAsync(mp3, "track.mp3");

        var copy = await CopyMadeAsync(purchase);

        copy.State.ShouldBe(CopyState.Unchanged);
        copy.BlobKey.ShouldStartWith("products/");
        (await BodyOf(await DownloadAsync(await LinkOfAsync(purchase)))).ShouldBe(mp3);
    }

    private async Task<Purchase> PurchaseWithConsentAsync(Seller seller, byte[] pdf)
    {
        var product = await CreateProductAsync(seller);
        var uploaded = await UploadAsync(seller, product.Id, pdf, "book.pdf");
        var stored = (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!;
        stored.Files.Single().AllowUnmarkedCopies = true;
        await StoreAsync(stored);
        await PublishAsync(seller, product.Id);
        var buyer = await BuyerAsync();
        var order = await BuyAsync(buyer, product.Id);
        var entitlement = (await EntitlementsOfOrderAsync(order.Id)).Single();
        return new Purchase(seller, buyer, product.Id, order.Id, entitlement.Id, uploaded.FileId);
    }

    private IBlobStore Blobs() => Host.Services.GetRequiredService<IBlobStore>();

    private async Task<byte[]> BlobAsync(string key)
    {
        await using var stream = (await Blobs().OpenReadAsync(key, CancellationToken.None))!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
