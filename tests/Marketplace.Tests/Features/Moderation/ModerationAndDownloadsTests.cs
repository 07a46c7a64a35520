using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Tests.Features.Downloads;

namespace Marketplace.Tests.Features.Moderation;

/// <summary>What moderation leaves buyers: a suspended buyer still downloads; a malware takedown stops every copy, an ordinary one none.</summary>
public sealed class ModerationAndDownloadsTests(AppFixture fixture) : DownloadsTest(fixture)
{
    [Fact]
    public async Task A_suspended_buyer_still_gets_links_and_downloads_what_they_bought()
    {
        var purchase = await PurchaseAsync();
        var moderator = (await MemberAsync("moderator", Roles.Moderator)).Token;
        (await ApiStatusAsync(moderator, s => s.Post.Json(new { until = DateTimeOffset.UtcNow.AddDays(3), reason = "Spam." })
            .ToUrl($"/api/moderation/users/{purchase.Buyer.Id}/suspend"))).ShouldBe(200);
        await CopyMadeAsync(purchase);

        var download = await DownloadAsync(await LinkOfAsync(purchase));

        StatusOf(download).ShouldBe(200);
    }

    [Fact]
    public async Task A_malware_takedown_refuses_links_and_links_issued_before_while_an_ordinary_one_leaves_downloads_alone()
    {
        var purchase = await PurchaseAsync();
        var moderator = (await MemberAsync("moderator", Roles.Moderator)).Token;
        await CopyMadeAsync(purchase);
        var earlier = await LinkOfAsync(purchase);

        (await ApiStatusAsync(moderator, s => s.Post.Json(new { reason = "Copies another artist." }).ToUrl($"/api/moderation/products/{purchase.ProductId}/takedown")))
            .ShouldBe(200);
        StatusOf(await DownloadAsync(earlier)).ShouldBe(200);

        (await ApiStatusAsync(moderator, s => s.Post.Json(new { reason = "The ZIP holds a trojan.", malware = true })
            .ToUrl($"/api/moderation/products/{purchase.ProductId}/takedown"))).ShouldBe(200);
        var refused = await DownloadAsync(earlier);
        StatusOf(refused).ShouldBe(410);
        refused.ReadAsJson<JsonElement>().GetProperty("type").GetString().ShouldBe("/problems/download-malware");
        (await LinkAsync(purchase.Buyer, purchase.EntitlementId, purchase.FileId, 410)).ReadAsJson<JsonElement>()
            .GetProperty("type").GetString().ShouldBe("/problems/download-malware");
    }
}
