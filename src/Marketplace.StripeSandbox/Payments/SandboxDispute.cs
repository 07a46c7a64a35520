using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>A dispute of a charge: needs a response, is under review once evidence is submitted, and ends won or lost.</summary>
public sealed class SandboxDispute : ISandboxListed
{
    /// <summary>What Stripe charges the platform for a dispute, in cents.</summary>
    public const long Fee = 1500;

    private const string EmptyEvidence = """
        {"access_activity_log":null,"billing_address":null,"cancellation_policy":null,"cancellation_policy_disclosure":null,
         "cancellation_rebuttal":null,"customer_communication":null,"customer_email_address":null,"customer_name":null,
         "customer_purchase_ip":null,"customer_signature":null,"duplicate_charge_documentation":null,"duplicate_charge_explanation":null,
         "duplicate_charge_id":null,"enhanced_evidence":{},"product_description":null,"receipt":null,"refund_policy":null,
         "refund_policy_disclosure":null,"refund_refusal_explanation":null,"service_date":null,"service_documentation":null,
         "shipping_address":null,"shipping_carrier":null,"shipping_date":null,"shipping_documentation":null,
         "shipping_tracking_number":null,"uncategorized_file":null,"uncategorized_text":null}
        """;

    public string Id { get; set; } = "";
    public long Created { get; set; }

    /// <summary>Where lists place it (<see cref="ISandboxListed"/>); stamped when first saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whose object it is: a connected account's, or null for the platform's.</summary>
    public string? Account { get; set; }
    public long Amount { get; set; }
    public string Currency { get; set; } = "usd";
    public string Charge { get; set; } = "";
    public string? PaymentIntent { get; set; }
    public string Reason { get; set; } = "fraudulent";
    public string Status { get; set; } = "needs_response";
    public string CardBrand { get; set; } = "visa";
    /// <summary>The balance movements of the dispute, kept whole: Stripe lists them as objects, not ids.</summary>
    public List<SandboxBalanceTransaction> BalanceTransactions { get; set; } = [];
    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>The evidence given so far (<c>POST /v1/disputes/{id}</c>), by field name; text fields only.</summary>
    public Dictionary<string, string> Evidence { get; set; } = [];

    public int SubmissionCount { get; set; }

    public bool IsClosed => Status is "won" or "lost" or "warning_closed";

    public JsonObject RenderEvidence()
    {
        var evidence = StripeJson.Parse(EmptyEvidence);
        foreach (var (field, value) in Evidence)
        {
            evidence[field] = value;
        }

        return evidence;
    }

    /// <summary>Stripe's <c>dispute</c> object, field for field as in Stripe's published fixtures.</summary>
    public JsonObject Render() => new()
    {
        ["id"] = Id,
        ["object"] = "dispute",
        ["amount"] = Amount,
        ["balance_transactions"] = new JsonArray([.. BalanceTransactions.Select(transaction => (JsonNode)transaction.Render())]),
        ["charge"] = Charge,
        ["created"] = Created,
        ["currency"] = Currency,
        ["enhanced_eligibility_types"] = new JsonArray(),
        ["evidence"] = RenderEvidence(),
        ["evidence_details"] = new JsonObject
        {
            ["due_by"] = Created + (long)TimeSpan.FromDays(7).TotalSeconds,
            ["enhanced_eligibility"] = new JsonObject(),
            ["has_evidence"] = Evidence.Count > 0,
            ["past_due"] = false,
            ["submission_count"] = SubmissionCount,
        },
        ["is_charge_refundable"] = false,
        ["livemode"] = false,
        ["metadata"] = StripeJson.Map(Metadata),
        ["payment_intent"] = PaymentIntent,
        ["payment_method_details"] = new JsonObject
        {
            ["card"] = new JsonObject { ["brand"] = CardBrand, ["case_type"] = "chargeback", ["network"] = CardBrand, ["network_reason_code"] = "10.4" },
            ["type"] = "card",
        },
        ["reason"] = Reason,
        ["status"] = Status,
    };
}
