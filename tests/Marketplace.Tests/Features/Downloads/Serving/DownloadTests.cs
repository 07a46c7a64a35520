using System.Security.Cryptography;
using Marketplace.Features.Downloads;
using Marketplace.Features.Downloads.Copies;
using Marketplace.Features.Downloads.Serving;
using Marketplace.Tests.Infrastructure.Files;

namespace Marketplace.Tests.Features.Downloads.Serving;

/// <summary>A buyer downloads their copy: what is sent, how it is counted and audited, and the other ways it leaves (nginx).</summary>
public sealed class DownloadTests(AppFixture fixture) : DownloadsTest(fixture)
{
    [Fact]
    public async Task The_buyer_downloads_their_watermarked_copy_under_the_original_name_and_it_counts_once()
    {
        var purchase = await PurchaseAsync(name: "Icônes à la main.zip");
        var copy = await CopyMadeAsync(purchase);
        var link = await LinkAsync(purchase.Buyer, purchase.EntitlementId, purchase.FileId);
        var issued = link.ReadAsJson<Marketplace.Features.Downloads.Links.IssueDownloadLink.Response>()!;
        issued.ExpiresAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        issued.RemainingDownloads.ShouldBe(5);

        var download = await DownloadAsync(PathOf(issued.Url), s => s.WithRequestHeader("User-Agent", "TestDownloader/1.0"));

        StatusOf(download).ShouldBe(200);
        var headers = download.Context.Response.Headers;
        headers.ContentDisposition.ToString().ShouldContain("attachment");
        headers.ContentDisposition.ToString().ShouldContain("filename*=UTF-8''Ic%C3%B4nes%20%C3%A0%20la%20main.zip");
        headers.AcceptRanges.ToString().ShouldBe("bytes");
        download.Context.Response.ContentType.ShouldBe("application/zip");
        Convert.ToHexStringLower(SHA256.HashData(await BodyOf(download))).ShouldBe(copy.Sha256);
        await AuditedAsync(purchase.EntitlementId, 1);
        (await AllowanceAsync(purchase))!.Completed.ShouldBe(1);
        (await LibraryAsync(purchase.Buyer)).Single().Files.Single().RemainingDownloads.ShouldBe(4);
        var attempt = (await AttemptsAsync(purchase.EntitlementId)).ShouldHaveSingleItem();
        (attempt.Status, attempt.Result, attempt.Counted, attempt.UserAgent).ShouldBe((200, "sent", true, "TestDownloader/1.0"));
        attempt.Address.ShouldBe(ClientAddress.ToString());
        attempt.Bytes.ShouldBe(copy.Size);
    }

    [Fact]
    public async Task A_download_the_client_abandons_halfway_is_audited_as_aborted_and_does_not_count()
    {
        var purchase = await PurchaseAsync(HostileFiles.Zip(("footage.bin", HostileFiles.Noise(8 << 20))), "footage.zip");
        await CopyMadeAsync(purchase);
        var link = await LinkOfAsync(purchase);

        using (var client = Host.Server.CreateClient())
        using (var response = await client.GetAsync(link, HttpCompletionOption.ResponseHeadersRead))
        {
            ((int)response.StatusCode).ShouldBe(200);
            await using var body = await response.Content.ReadAsStreamAsync();
            (await body.ReadAsync(new byte[64 * 1024])).ShouldBeGreaterThan(0);
        }

        var attempt = (await AuditedAsync(purchase.EntitlementId, 1)).ShouldHaveSingleItem();
        (attempt.Result, attempt.Counted, attempt.Bytes).ShouldBe(("aborted", false, 0L));
        var allowance = await AllowanceAsync(purchase);
        (allowance?.Completed ?? 0, allowance?.Reserved.Count ?? 0).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_browser_gets_a_page_that_says_why_a_link_no_longer_works()
    {
        var purchase = await PurchaseAsync();
        var expired = Sign(purchase, DateTimeOffset.UtcNow.AddMinutes(-5));

        var page = await DownloadAsync(expired, s => s.WithRequestHeader("Accept", "text/html,application/xhtml+xml"));

        StatusOf(page).ShouldBe(410);
        var html = page.ReadAsText();
        html.ShouldContain("This download link has expired.");
        html.ShouldContain("href=\"/library\"");
    }

    [Fact]
    public async Task Behind_nginx_a_verified_download_is_handed_over_with_x_accel_redirect_and_still_counted()
    {
        var purchase = await PurchaseAsync();
        var copy = await CopyMadeAsync(purchase);
        Set<DownloadOptions, string?>(o => o.AccelRedirectPrefix, "/internal-downloads/");

        var download = await DownloadAsync(await LinkOfAsync(purchase));

        StatusOf(download).ShouldBe(200);
        download.Context.Response.Headers[FileDelivery.AccelRedirectHeader].ToString().ShouldBe($"/internal-downloads/{copy.BlobKey}");
        download.Context.Response.Headers.ContentDisposition.ToString().ShouldContain("icons.zip");
        (await BodyOf(download)).ShouldBeEmpty();
        await AuditedAsync(purchase.EntitlementId, 1);
        (await AllowanceAsync(purchase))!.Completed.ShouldBe(1);
        (await AttemptsAsync(purchase.EntitlementId)).Single().Result.ShouldBe("handed to nginx");
    }

    [Fact]
    public async Task A_download_of_a_copy_still_being_made_waits_for_it_and_then_sends_it()
    {
        var purchase = await PurchaseAsync();
        var made = await CopyMadeAsync(purchase);
        await StoreAsync(Preparing(made));

        var download = DownloadAsync(await LinkOfAsync(purchase));
        await Eventually.ValueAsync(() => QueryAsync(q => q.LoadAsync<BuyerCopy>(purchase.CopyId)), c => c!.State == CopyState.Preparing);
        await StoreAsync(made);

        StatusOf(await download).ShouldBe(200);
    }

    [Fact]
    public async Task A_copy_not_made_in_time_is_a_503_that_says_when_to_retry_and_counts_nothing()
    {
        var purchase = await PurchaseAsync();
        var made = await CopyMadeAsync(purchase);
        var link = await LinkOfAsync(purchase);
        await StoreAsync(Preparing(made));
        Set<DownloadOptions, TimeSpan>(o => o.CopyWait, TimeSpan.FromMilliseconds(300));

        var download = await DownloadAsync(link);

        download.ShouldBeProblem(503, "/problems/download-preparing");
        download.Context.Response.Headers.RetryAfter.ToString().ShouldBe("10");
        await AuditedAsync(purchase.EntitlementId, 1);
        ((await AllowanceAsync(purchase))?.Completed ?? 0).ShouldBe(0);
        (await AttemptsAsync(purchase.EntitlementId)).Single().Result.ShouldBe("preparing");
    }

    /// <summary>The copy as if its job were still running (asked for just now), without a message that would finish it.</summary>
    private static BuyerCopy Preparing(BuyerCopy made) => new()
    {
        Id = made.Id, EntitlementId = made.EntitlementId, FileId = made.FileId, BuyerId = made.BuyerId, State = CopyState.Preparing,
        SourceRevision = made.SourceRevision, RequestedAt = DateTimeOffset.UtcNow,
    };
}
