using Marketplace.Features.Downloads;
using Marketplace.Features.Orders;

namespace Marketplace.Tests.Features.Downloads.Serving;

/// <summary>Every way a link stops working, each with a reason a person understands, and the key rotation that must not break one.</summary>
public sealed class LinkRefusalTests(AppFixture fixture) : DownloadsTest(fixture)
{
    [Fact]
    public async Task A_link_with_an_altered_signature_entitlement_file_buyer_or_expiry_is_a_403()
    {
        var purchase = await PurchaseAsync();
        var link = await LinkOfAsync(purchase);
        var other = Guid.NewGuid().ToString("N");
        var signature = link[(link.IndexOf("sig=", StringComparison.Ordinal) + 4)..];
        string[] altered =
        [
            link.Replace(signature, (signature[0] == 'A' ? "B" : "A") + signature[1..], StringComparison.Ordinal),
            link.Replace(purchase.EntitlementId.ToString("N"), other, StringComparison.Ordinal),
            link.Replace(purchase.FileId.ToString("N"), other, StringComparison.Ordinal),
            link.Replace(purchase.Buyer.Id.ToString("N"), other, StringComparison.Ordinal),
            System.Text.RegularExpressions.Regex.Replace(link, "expires=(\\d+)", m => $"expires={long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 86400}"),
            link[..link.IndexOf("&sig=", StringComparison.Ordinal)],
        ];

        foreach (var tampered in altered)
        {
            (await DownloadAsync(tampered)).ShouldBeProblem(403, "/problems/download-link-invalid");
        }

        var attempts = await Eventually.ValueAsync(() => QueryAsync<IReadOnlyList<Marketplace.Features.Downloads.Serving.DownloadAttempt>>(async q =>
            await Marten.QueryableExtensions.ToListAsync(q.Query<Marketplace.Features.Downloads.Serving.DownloadAttempt>())), a => a.Count >= altered.Length);
        attempts.Count.ShouldBe(altered.Length);
        attempts.ShouldAllBe(a => a.Result == "tampered" && a.Status == 403 && a.EntitlementId == null);
        (await AllowanceAsync(purchase)).ShouldBeNull();
    }

    [Fact]
    public async Task Another_buyer_signed_in_cannot_use_a_buyers_link_nor_get_one_for_their_purchase()
    {
        var purchase = await PurchaseAsync();
        var link = await LinkOfAsync(purchase);
        var other = await BuyerAsync();

        (await AsUserAsync(other.Token, s => { s.Get.Url(link); s.StatusCodeShouldBe(403); })).ShouldBeProblem(403, "/problems/download-not-yours");
        await LinkAsync(other, purchase.EntitlementId, purchase.FileId, 404);
        (await LibraryAsync(other)).ShouldBeEmpty();
        StatusOf(await DownloadAsync(Sign(purchase, DateTimeOffset.UtcNow.AddHours(1), buyerId: other.Id))).ShouldBe(403);
    }

    [Fact]
    public async Task An_expired_link_is_a_410_that_says_until_when_it_was_valid()
    {
        var purchase = await PurchaseAsync();

        var problem = (await DownloadAsync(Sign(purchase, DateTimeOffset.UtcNow.AddMinutes(-1)))).ShouldBeProblem(410, "/problems/download-link-expired");

        problem.GetProperty("detail").GetString()!.ShouldContain("get a fresh one from your library");
    }

    [Fact]
    public async Task When_the_download_limit_is_used_up_the_link_and_a_fresh_one_are_refused()
    {
        var purchase = await PurchaseAsync(downloadLimit: 1);
        var link = await LinkOfAsync(purchase);
        StatusOf(await DownloadAsync(link)).ShouldBe(200);
        await AuditedAsync(purchase.EntitlementId, 1);

        (await DownloadAsync(link)).ShouldBeProblem(410, "/problems/download-exhausted");
        (await LinkAsync(purchase.Buyer, purchase.EntitlementId, purchase.FileId, 410)).ShouldBeProblem(410, "/problems/download-exhausted");
        (await LibraryAsync(purchase.Buyer)).Single().Files.Single().RemainingDownloads.ShouldBe(0);
    }

    [Fact]
    public async Task A_link_issued_before_a_refund_stops_working_at_once()
    {
        var purchase = await PurchaseAsync();
        var link = await LinkOfAsync(purchase);

        await RefundAsync(purchase.Seller.Owner, purchase.OrderId, new { reason = "Asked by the buyer." });

        (await DownloadAsync(link)).ShouldBeProblem(410, "/problems/download-revoked");
        (await LinkAsync(purchase.Buyer, purchase.EntitlementId, purchase.FileId, 410)).ShouldBeProblem(410, "/problems/download-revoked");
        (await LibraryAsync(purchase.Buyer)).Single().State.ShouldBe("revoked");
    }

    [Fact]
    public async Task A_dispute_freezes_the_buyers_links_until_it_is_settled()
    {
        var purchase = await PurchaseAsync();
        var link = await LinkOfAsync(purchase);
        var order = (await OrderAsync(purchase.OrderId))!;

        await Host.Scenario(s => s.Post.Json(new { reason = "fraudulent" }).ToUrl($"/stripe-sandbox/control/charges/{order.ChargeId}/dispute"));
        await Eventually.ValueAsync(() => EntitlementsOfOrderAsync(order.Id), es => es.Single().State == EntitlementState.Frozen, 60);

        (await DownloadAsync(link)).ShouldBeProblem(410, "/problems/download-frozen");
        (await LibraryAsync(purchase.Buyer)).Single().State.ShouldBe("frozen");
    }

    [Fact]
    public async Task After_a_key_rotation_old_links_work_until_their_key_is_removed_and_new_links_use_the_newest_key()
    {
        var purchase = await PurchaseAsync();
        const string Old = "20260101";
        const string New = "20261204";
        Set<DownloadOptions, Dictionary<string, string>>(o => o.SigningKeys, new() { [Old] = new string('o', 40) });
        var oldLink = await LinkOfAsync(purchase);
        oldLink.ShouldContain($"key={Old}");

        Set<DownloadOptions, Dictionary<string, string>>(o => o.SigningKeys, new() { [Old] = new string('o', 40), [New] = new string('n', 40) });
        var newLink = await LinkOfAsync(purchase);

        newLink.ShouldContain($"key={New}");
        StatusOf(await DownloadAsync(oldLink)).ShouldBe(200);
        StatusOf(await DownloadAsync(newLink)).ShouldBe(200);

        Set<DownloadOptions, Dictionary<string, string>>(o => o.SigningKeys, new() { [New] = new string('n', 40) });
        (await DownloadAsync(oldLink)).ShouldBeProblem(403, "/problems/download-link-invalid");
        StatusOf(await DownloadAsync(newLink)).ShouldBe(200);
    }
}
