using System.Text;
using System.Text.Json.Nodes;
using Stripe;

namespace Marketplace.ProductionTests;

/// <summary>Stripe's <c>payout.paid</c> of a connected account, as Stripe shapes and signs it.</summary>
public static class PayoutEvents
{
    public static string Paid(string eventId, string account, string payoutId, long amount) => new JsonObject
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = StripeConfiguration.ApiVersion,
        ["account"] = account,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = "payout.paid",
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = payoutId, ["object"] = "payout", ["amount"] = amount, ["currency"] = "usd", ["status"] = "paid",
                ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["arrival_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            },
        },
    }.ToJsonString();

    /// <summary>Posts <paramref name="payload"/> signed with <paramref name="secret"/>; answers the status code.</summary>
    public static async Task<int> PostAsync(HttpClient client, string payload, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature",
            EventUtility.GenerateSignatureHeader(payload, secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }
}
