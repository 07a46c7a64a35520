using System.Security.Cryptography;
using Marketplace.Features.Catalog;
using Marketplace.Infrastructure.Storage;
using Marketplace.Tests.Infrastructure.Files;
using Marketplace.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.Catalog;

/// <summary>Product files through the API: stored and recorded whole, or refused with a clear 4xx and nothing left anywhere.</summary>
public sealed class ProductFileUploadTests(AppFixture fixture) : CatalogTest(fixture)
{
    public static TheoryData<string, string, int, string> Hostile => new()
    {
        { "pixel bomb", "bomb.png", 400, "too large" },
        { "multi-frame bomb", "frames.gif", 400, "too many frames" },
        { "truncated image", "photo.jpg", 400, "damaged" },
        { "ZIP named .pdf", "book.pdf", 400, "" },
        { "ELF named .pdf", "book.pdf", 400, "" },
        { "Windows program named .pdf", "book.pdf", 400, "" },
        { "ZIP with ../ entries", "pack.zip", 400, "" },
        { "ZIP bomb", "pack.zip", 400, "" },
        { "nested ZIP bomb", "pack.zip", 400, "" },
        { "empty file", "empty.zip", 400, "" },
        { "damaged PDF", "book.pdf", 400, "" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_upload_is_refused_and_leaves_no_record_and_no_blob(string what, string name, int status, string reason)
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);

        var refused = await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.MultipartFormData(Form(Bytes(what), name)).ToUrl($"/api/products/{product.Id}/files");
            s.StatusCodeShouldBe(status);
        });

        Problem(refused).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain(reason, Case.Insensitive);
        (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Files.ShouldBeEmpty();
        StoredBlobs().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_oversize_upload_is_a_413_and_leaves_nothing()
    {
        Set<Marketplace.Infrastructure.Files.FileLimits, long>(l => l.MaxBytes, 64 * 1024);
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);

        await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.MultipartFormData(Form(HostileFiles.Zip(("big.bin", HostileFiles.Noise(200 * 1024))), "big.zip")).ToUrl($"/api/products/{product.Id}/files");
            s.StatusCodeShouldBe(413);
        });
        (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Files.ShouldBeEmpty();
        StoredBlobs().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_accepted_file_is_stored_under_our_name_with_its_hash_and_an_encrypted_pdf_carries_a_warning()
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);
        var zip = HostileFiles.SmallZip();

        var uploaded = (await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.MultipartFormData(Form(zip, "../../etc/Ünïcode pack.zip")).ToUrl($"/api/products/{product.Id}/files");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<ProductFileUploads.Uploaded>()!;
        uploaded.Name.ShouldBe("Ünïcode pack.zip");
        uploaded.ContentType.ShouldBe("application/zip");
        uploaded.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(zip)));

        var stored = (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Files.ShouldHaveSingleItem();
        stored.BlobKey.ShouldStartWith($"products/{product.Id:N}/");
        stored.BlobKey.ShouldNotContain("cod");
        await using (var blob = await Blobs.OpenReadAsync(stored.BlobKey, default))
        {
            SHA256.HashData(blob!).ShouldBe(SHA256.HashData(zip));
        }

        var pdf = (await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.MultipartFormData(Form(HostileFiles.RestrictedPdf(), "locked.pdf")).ToUrl($"/api/products/{product.Id}/files");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<ProductFileUploads.Uploaded>()!;
        pdf.Warnings.ShouldHaveSingleItem().ShouldContain("encrypted", Case.Insensitive);
    }

    [Fact]
    public async Task Replacing_a_file_keeps_its_id_bumps_its_revision_and_deletes_the_old_bytes_after_commit()
    {
        var seller = await SellerAsync();
        var product = await CreateProductAsync(seller);
        var first = await UploadAsync(seller, product.Id, HostileFiles.SmallZip(), "pack.zip");
        var oldKey = (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Files[0].BlobKey;

        await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Put.MultipartFormData(Form(HostileFiles.Pdf(), "pack v2.pdf")).ToUrl($"/api/products/{product.Id}/files/{first.FileId}");
            s.StatusCodeShouldBe(200);
        });

        var file = (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Files.ShouldHaveSingleItem();
        (file.Id, file.Revision, file.Name, file.Kind).ShouldBe((first.FileId, 2, "pack v2.pdf", "pdf"));
        await MessagesSettledAsync();
        (await Blobs.StatAsync(oldKey, default)).ShouldBeNull();
        StoredBlobs().ShouldBe([file.BlobKey]);
    }

    [Fact]
    public async Task Another_seller_cannot_upload_replace_delete_or_reorder_files_and_a_published_product_keeps_its_last_file()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await CreateProductAsync(seller);
        var file = await UploadAsync(seller, product.Id, HostileFiles.SmallZip(), "pack.zip");
        var other = await SellerAsync("Other Shop");
        var url = $"/api/products/{product.Id}/files";

        await AsUserAsync(other.Owner.Token, s => { s.Post.MultipartFormData(Form(HostileFiles.SmallZip(), "x.zip")).ToUrl(url); s.StatusCodeShouldBe(404); });
        await AsUserAsync(other.Owner.Token, s => { s.Put.MultipartFormData(Form(HostileFiles.SmallZip(), "x.zip")).ToUrl($"{url}/{file.FileId}"); s.StatusCodeShouldBe(404); });
        await AsUserAsync(other.Owner.Token, s => { s.Delete.Url($"{url}/{file.FileId}"); s.StatusCodeShouldBe(404); });
        await AsUserAsync(other.Owner.Token, s => { s.Put.Json(new { fileIds = new[] { file.FileId } }).ToUrl($"{url}/order"); s.StatusCodeShouldBe(404); });
        await SendAsync(s => { s.Post.MultipartFormData(Form(HostileFiles.SmallZip(), "x.zip")).ToUrl(url); s.StatusCodeShouldBe(401); });

        await PublishAsync(seller, product.Id);
        await AsUserAsync(seller.Owner.Token, s => { s.Delete.Url($"{url}/{file.FileId}"); s.StatusCodeShouldBe(409); });
        StoredBlobs().Count.ShouldBe(1);
    }

    private IBlobStore Blobs => Host.Services.GetRequiredService<IBlobStore>();

    /// <summary>Every blob of this host's store (its folder is the host's own).</summary>
    private List<string> StoredBlobs()
    {
        var root = Path.Combine(FilesPath, "blobs");
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !Path.GetFileName(f).StartsWith('.'))]
            : [];
    }

    private static byte[] Bytes(string what) => what switch
    {
        "pixel bomb" => HostileImages.PngHeaderClaiming(60_000, 60_000),
        "multi-frame bomb" => HostileImages.GifBomb(6000, 6000, 8),
        "truncated image" => HostileImages.Truncated(HostileImages.Jpeg()),
        "ZIP named .pdf" => HostileFiles.SmallZip(),
        "ELF named .pdf" => HostileFiles.Elf(),
        "Windows program named .pdf" => HostileFiles.WindowsProgram(),
        "ZIP with ../ entries" => HostileFiles.Zip(("../../etc/cron.d/evil", "x"u8.ToArray())),
        "ZIP bomb" => HostileFiles.ZipBomb(),
        "nested ZIP bomb" => HostileFiles.NestedZipBomb(),
        "empty file" => [],
        "damaged PDF" => HostileFiles.DamagedPdf(),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };
}
