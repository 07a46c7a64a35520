using System.Globalization;
using System.Net;
using Amazon.S3.Model;
using Marketplace.Infrastructure.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Tests.Infrastructure.Storage;

/// <summary>The blob store contract on s3rver over HTTP, a bucket of its own per test, and what only the S3 store does.</summary>
public sealed class S3BlobStoreTests(S3rverFixture s3) : BlobStoreContract, IClassFixture<S3rverFixture>
{
    private string _bucket = null!;

    protected override async Task<IBlobStore> CreateEmptyStoreAsync()
    {
        _bucket = await s3.CreateBucketAsync();
        return new S3BlobStore(s3.OptionsFor(_bucket), TimeProvider.System, NullLogger<S3BlobStore>.Instance);
    }

    /// <summary>The bucket's objects and its multipart uploads in progress (whose parts S3 keeps, and bills, until aborted).</summary>
    protected override async Task<IReadOnlyList<string>> EverythingStoredAsync()
    {
        var objects = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket });
        var uploads = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = _bucket });
        return [.. (objects.S3Objects ?? []).Select(o => o.Key), .. (uploads.MultipartUploads ?? []).Select(u => $"upload of {u.Key}")];
    }

    public override Task DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_bucket_that_does_not_exist_is_a_problem_named_for_readiness()
    {
        using var store = new S3BlobStore(s3.OptionsFor("no-such-bucket"), TimeProvider.System, NullLogger<S3BlobStore>.Instance);

        (await store.ProblemAsync(CancellationToken.None)).ShouldNotBeNull().ShouldContain("no-such-bucket");
    }

    [Fact]
    public async Task A_presigned_url_downloads_the_blob_over_http_with_its_name_and_type()
    {
        await Store.PutAsync("products/p1/files/f1", Upload("%PDF-1.7 the menu"), "application/octet-stream", CancellationToken.None);

        var url = (await Store.PresignReadAsync("products/p1/files/f1", TimeSpan.FromMinutes(5), "Café menu €.pdf", "application/pdf")).ShouldNotBeNull();

        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("%PDF-1.7 the menu");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var disposition = response.Content.Headers.ContentDisposition.ShouldNotBeNull();
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe("Café menu €.pdf");
        response.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''Caf%C3%A9%20menu%20%E2%82%AC.pdf");
    }

    [Fact]
    public async Task A_presigned_url_is_signed_with_sigv4_for_its_lifetime_and_headers()
    {
        var url = (await Store.PresignReadAsync("products/p1/files/f1", TimeSpan.FromMinutes(5), "menu.pdf", "application/pdf")).ShouldNotBeNull();

        // s3rver does not check SigV4 signatures (it takes them as given), so what is signed is read from the URL here.
        url.Scheme.ShouldBe("http");
        url.AbsolutePath.ShouldBe($"/{_bucket}/products/p1/files/f1");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        query["X-Amz-Algorithm"].ToString().ShouldBe("AWS4-HMAC-SHA256");
        // The SDK counts from its own clock, corrected by the server's Date header (whole seconds).
        int.Parse(query["X-Amz-Expires"].ToString(), CultureInfo.InvariantCulture).ShouldBeInRange(298, 302);
        query["X-Amz-Signature"].ToString().ShouldMatch("^[0-9a-f]{64}$");
        query["response-content-type"].ToString().ShouldBe("application/pdf");
        query["response-content-disposition"].ToString().ShouldBe("attachment; filename=menu.pdf; filename*=UTF-8''menu.pdf");
    }

    [Fact]
    public async Task A_presigned_url_lives_at_most_seven_days() =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.PresignReadAsync("products/p1/files/f1", TimeSpan.FromDays(8), "x.zip", "application/zip"));

    [Fact]
    public void The_s3_store_has_no_local_path() => Store.LocalPath("products/p1/files/f1").ShouldBeNull();
}
