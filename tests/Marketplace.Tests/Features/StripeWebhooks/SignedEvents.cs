using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Infrastructure.Payments;
using Stripe;

namespace Marketplace.Tests.Features.StripeWebhooks;

/// <summary>Stripe events made and signed the way Stripe makes them, for tests that post to the webhook endpoint directly.</summary>
public static class SignedEvents
{
    public static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 25)];

    public static string Event(string type, JsonObject dataObject, string? account = null, bool livemode = false, string? id = null) =>
        new JsonObject
        {
            ["id"] = id ?? NewId("evt"),
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["account"] = account,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = livemode,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = dataObject },
        }.ToJsonString();

    public static JsonObject Payout(string id, string status, long amount = 2500, string? failureMessage = null) => new()
    {
        ["id"] = id,
        ["object"] = "payout",
        ["amount"] = amount,
        ["arrival_date"] = DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeSeconds(),
        ["automatic"] = true,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["currency"] = "usd",
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["method"] = "standard",
        ["source_type"] = "card",
        ["status"] = status,
        ["type"] = "bank_account",
        ["failure_code"] = failureMessage is null ? null : "account_closed",
        ["failure_message"] = failureMessage,
    };

    /// <summary>The <c>Stripe-Signature</c> header, by Stripe.net's own implementation of the scheme.</summary>
    public static string Signature(string payload, string secret = StripeOptions.DevelopmentConnectWebhookSecret, DateTimeOffset? at = null) =>
        EventUtility.GenerateSignatureHeader(payload, secret, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());

    public static string IdOf(string payload) => JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString()!;
}
