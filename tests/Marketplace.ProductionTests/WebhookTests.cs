using System.Text.Json;

namespace Marketplace.ProductionTests;

/// <summary>Stripe's deliveries reach the nodes through nginx, signed with the configured (not the development) secrets.</summary>
[Collection(LocalTopologyCollection.Name)]
public sealed class WebhookTests(LocalTopology topology)
{
    [Fact]
    public async Task A_signed_event_posted_through_nginx_again_and_at_once_is_processed_once()
    {
        var seller = await OnboardedSeller.CreateAsync(topology);
        using var sellerClient = seller.Client;
        var payoutId = $"po_{Guid.NewGuid():N}"[..20];
        var id = $"evt_{payoutId}";
        var payload = PayoutEvents.Paid(id, seller.AccountId, payoutId, amount: 4200);
        using var nginx = new SmokeClient(topology.Nginx);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PayoutEvents.PostAsync(nginx.Http, payload, LocalTopology.ConnectWebhookSecret)));
        statuses.ShouldAllBe(status => status == 200);
        (await PayoutEvents.PostAsync(nginx.Http, payload, LocalTopology.ConnectWebhookSecret)).ShouldBe(200);
        (await PayoutEvents.PostAsync(nginx.Http, payload, LocalTopology.WebhookSecret)).ShouldBe(400, "a connected account's event needs the Connect secret");
        (await PayoutEvents.PostAsync(nginx.Http, payload.Replace(payoutId, payoutId + "x", StringComparison.Ordinal), "whsec_marketplace_development_connect"))
            .ShouldBe(400, "the development secret signs nothing here");

        using var admin = new SmokeClient(topology.Nginx, await nginx.SignInAsync(LocalTopology.AdminEmail, LocalTopology.AdminPassword));
        JsonElement stored = default;
        await Eventually.TrueAsync(async () =>
        {
            var page = await admin.GetAsync("/api/admin/webhooks?type=payout.paid&pageSize=200");
            var matches = page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("id").GetString() == id).ToList();
            matches.Count.ShouldBeLessThanOrEqualTo(1);
            stored = matches.FirstOrDefault();
            return matches.Count == 1 && stored.GetProperty("status").GetString() == "processed";
        }, "the event is stored once and processed");

        stored.GetProperty("attempts").GetInt32().ShouldBe(1);
        var recent = (await sellerClient.GetAsync($"/api/shops/{seller.ShopId}/payouts")).GetProperty("recentPayouts").EnumerateArray().ToList();
        recent.Count(p => p.GetProperty("id").GetString() == payoutId).ShouldBe(1);
    }
}
