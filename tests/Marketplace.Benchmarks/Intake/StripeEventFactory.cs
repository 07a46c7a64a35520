using System.Text.Json.Nodes;
using Stripe;

namespace Marketplace.Benchmarks.Intake;

/// <summary>One Stripe event as the harness delivers it: its id, the payout it reports (if any), and its JSON.</summary>
public sealed record WebhookEvent(string Id, string? PayoutId, string Json)
{
    public byte[] Payload { get; } = System.Text.Encoding.UTF8.GetBytes(Json);
}

/// <summary>
/// Connect events as Stripe sends them to a Connect endpoint: <c>payout.paid</c> (the app applies it to the shop's
/// payouts) and <c>balance.available</c> (the app stores it as ignored), each about a new id, signed just before sending.
/// </summary>
public static class StripeEventFactory
{
    public const string PayoutPaid = "payout.paid";
    public const string BalanceAvailable = "balance.available";

    public static WebhookEvent Make(string type, string account) => type switch
    {
        PayoutPaid => Payout(account),
        BalanceAvailable => Balance(account),
        _ => throw new ArgumentException($"No event of type {type} is made here; use {PayoutPaid} or {BalanceAvailable}.", nameof(type)),
    };

    /// <summary>The <c>Stripe-Signature</c> header for <paramref name="stripeEvent"/>, stamped now, as Stripe signs every delivery.</summary>
    public static string Sign(WebhookEvent stripeEvent, string secret) =>
        EventUtility.GenerateSignatureHeader(stripeEvent.Json, secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static WebhookEvent Payout(string account)
    {
        var payoutId = NewId("po");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payout = new JsonObject
        {
            ["id"] = payoutId,
            ["object"] = "payout",
            ["amount"] = 1000 + Random.Shared.Next(100_000),
            ["application_fee"] = null,
            ["application_fee_amount"] = null,
            ["arrival_date"] = now + 86_400,
            ["automatic"] = true,
            ["balance_transaction"] = NewId("txn"),
            ["created"] = now - 86_400,
            ["currency"] = "usd",
            ["description"] = "STRIPE PAYOUT",
            ["destination"] = NewId("ba"),
            ["failure_balance_transaction"] = null,
            ["failure_code"] = null,
            ["failure_message"] = null,
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["method"] = "standard",
            ["original_payout"] = null,
            ["reconciliation_status"] = "completed",
            ["reversed_by"] = null,
            ["source_type"] = "card",
            ["statement_descriptor"] = null,
            ["status"] = "paid",
            ["trace_id"] = new JsonObject { ["status"] = "supported", ["value"] = "FED12345" },
            ["type"] = "bank_account",
        };
        var id = NewId("evt");
        return new WebhookEvent(id, payoutId, Envelope(id, PayoutPaid, account, payout));
    }

    private static WebhookEvent Balance(string account)
    {
        static JsonArray Amounts(long card) =>
            [new JsonObject { ["amount"] = card, ["currency"] = "usd", ["source_types"] = new JsonObject { ["card"] = card } }];

        var balance = new JsonObject
        {
            ["object"] = "balance",
            ["available"] = Amounts(Random.Shared.Next(1_000_000)),
            ["connect_reserved"] = Amounts(0),
            ["livemode"] = false,
            ["pending"] = Amounts(Random.Shared.Next(100_000)),
        };
        var id = NewId("evt");
        return new WebhookEvent(id, null, Envelope(id, BalanceAvailable, account, balance));
    }

    private static string Envelope(string id, string type, string account, JsonObject dataObject) =>
        new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["account"] = account,
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = dataObject },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        }.ToJsonString();

    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 25)];
}
