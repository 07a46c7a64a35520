using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>A refund of (part of) a charge; the sandbox refunds at once, so it is always succeeded.</summary>
public sealed class SandboxRefund : ISandboxListed
{
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
    public string? Reason { get; set; }
    public string? BalanceTransaction { get; set; }

    /// <summary>The reversal of the destination charge's transfer this refund made (<c>reverse_transfer</c>).</summary>
    public string? TransferReversal { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>Stripe's <c>refund</c> object, field for field as in Stripe's published fixtures.</summary>
    public JsonObject Render() => new()
    {
        ["id"] = Id,
        ["object"] = "refund",
        ["amount"] = Amount,
        ["balance_transaction"] = BalanceTransaction,
        ["charge"] = Charge,
        ["created"] = Created,
        ["currency"] = Currency,
        ["customer"] = null,
        ["customer_account"] = null,
        ["destination_details"] = new JsonObject
        {
            ["card"] = new JsonObject { ["reference"] = null, ["reference_status"] = "pending", ["reference_type"] = "acquirer_reference_number", ["type"] = "refund" },
            ["type"] = "card",
        },
        ["metadata"] = StripeJson.Map(Metadata),
        ["payment_intent"] = PaymentIntent,
        ["payment_method"] = null,
        ["reason"] = Reason,
        ["receipt_number"] = null,
        ["source_transfer_reversal"] = null,
        ["status"] = "succeeded",
        ["transfer_reversal"] = TransferReversal,
    };
}
