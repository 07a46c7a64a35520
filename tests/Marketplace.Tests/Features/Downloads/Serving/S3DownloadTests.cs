using Marketplace.Infrastructure.Storage;
using Marketplace.Tests.Infrastructure.Storage;

namespace Marketplace.Tests.Features.Downloads.Serving;

/// <summary>A host whose files are in an S3 bucket (npm's s3rver over HTTP), as nodes that share no disk keep them.</summary>
public sealed class S3StorageFixture : AppFixture, IAsyncLifetime
{
    private S3rverServer? _s3;
    private string _bucket = "";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Storage:Provider"] = StorageOptions.S3Provider,
        ["Storage:S3:ServiceUrl"] = _s3!.ServiceUrl.ToString(),
        ["Storage:S3:Bucket"] = _bucket,
        ["Storage:S3:AccessKey"] = S3rverServer.AccessKey,
        ["Storage:S3:SecretKey"] = S3rverServer.SecretKey,
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        _s3 = await S3rverServer.StartAsync();
        _bucket = $"downloads-{Guid.NewGuid():N}";
        using (var client = S3Clients.Create(new S3StorageOptions { ServiceUrl = _s3.ServiceUrl.ToString(), AccessKey = S3rverServer.AccessKey, SecretKey = S3rverServer.SecretKey }))
        {
            await client.PutBucketAsync(_bucket);
        }

        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            await DisposeAsync();
        }
        finally
        {
            if (_s3 is not null)
            {
                await _s3.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class S3StorageCollection : ICollectionFixture<S3StorageFixture>
{
    public const string Name = "s3-storage";
}

/// <summary>On S3 the app checks the link and counts, then redirects to a presigned URL of a few minutes; the bucket sends the bytes.</summary>
[Collection(S3StorageCollection.Name)]
public sealed class S3DownloadTests(S3StorageFixture fixture) : DownloadsTest(fixture)
{
    [Fact]
    public async Task A_download_from_s3_storage_is_a_redirect_to_a_presigned_url_of_the_buyers_copy_and_counts_once()
    {
        var purchase = await PurchaseAsync(name: "Icons pack.zip");
        var copy = await CopyMadeAsync(purchase);
        var link = await LinkOfAsync(purchase);

        var part = await DownloadAsync(link, s => s.WithRequestHeader("Range", "bytes=0-9"));
        var whole = await DownloadAsync(link);

        foreach (var answer in new[] { part, whole })
        {
            StatusOf(answer).ShouldBe(302);
        }

        var location = new Uri(whole.Context.Response.Headers.Location.ToString());
        location.AbsolutePath.ShouldEndWith(copy.BlobKey!);
        Uri.UnescapeDataString(location.Query).ShouldContain("Icons pack.zip");
        using var s3 = new HttpClient();
        var bytes = await s3.GetByteArrayAsync(location);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).ShouldBe(copy.Sha256);
        var attempts = await AuditedAsync(purchase.EntitlementId, 2);
        attempts.Select(a => (a.Result, a.Counted)).ShouldBe([("redirected to storage", false), ("redirected to storage", true)]);
        (await AllowanceAsync(purchase))!.Completed.ShouldBe(1);
    }
}
