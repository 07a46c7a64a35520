using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stripe;

namespace Marketplace.ProductionTests;

/// <summary>Stripe's deliveries reach the nodes through nginx, signed with the configured (not the development) secrets.</summary>
[Collection(LocalTopologyCollection.Name)]
public sealed class WebhookTests(LocalTopology topology)
{
    [Fact]
    public async Task A_signed_event_posted_through_nginx_again_and_at_once_is_processed_once()
    {
        var id = $"evt_{Guid.NewGuid():N}";
        var payload = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = "customer.created",
            ["data"] = new JsonObject { ["object"] = new JsonObject { ["id"] = $"cus_{Guid.NewGuid():N}"[..18], ["object"] = "customer" } },
        }.ToJsonString();
        using var nginx = new SmokeClient(topology.Nginx);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(nginx, payload, LocalTopology.WebhookSecret)));
        statuses.ShouldAllBe(status => status == 200);
        (await PostAsync(nginx, payload, LocalTopology.WebhookSecret)).ShouldBe(200);
        (await PostAsync(nginx, payload.Replace("customer.created", "customer.deleted", StringComparison.Ordinal), "whsec_marketplace_development_platform"))
            .ShouldBe(400, "the development secret signs nothing here");

        using var admin = new SmokeClient(topology.Nginx, await nginx.SignInAsync(LocalTopology.AdminEmail, LocalTopology.AdminPassword));
        JsonElement stored = default;
        await Eventually.TrueAsync(async () =>
        {
            var page = await admin.GetAsync("/api/admin/webhooks?type=customer.created&pageSize=200");
            var matches = page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("id").GetString() == id).ToList();
            matches.Count.ShouldBeLessThanOrEqualTo(1);
            stored = matches.FirstOrDefault();
            return matches.Count == 1 && stored.GetProperty("status").GetString() is "ignored" or "processed";
        }, "the event is stored once and processed");

        stored.GetProperty("attempts").GetInt32().ShouldBe(1);
    }

    private static async Task<int> PostAsync(SmokeClient client, string payload, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature",
            EventUtility.GenerateSignatureHeader(payload, secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        using var response = await client.Http.SendAsync(request);
        return (int)response.StatusCode;
    }
}
