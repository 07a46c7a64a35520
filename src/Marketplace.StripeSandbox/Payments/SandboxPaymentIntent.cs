using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>A payment intent: requires_payment_method until a card succeeds, then succeeded.</summary>
public sealed class SandboxPaymentIntent
{
    public string Id { get; set; } = "";
    public long Created { get; set; }
    public long Amount { get; set; }
    public string Currency { get; set; } = "usd";
    public string Status { get; set; } = "requires_payment_method";
    public long AmountReceived { get; set; }
    public string? LatestCharge { get; set; }
    public string? PaymentMethod { get; set; }
    public string? Description { get; set; }
    public string? ReceiptEmail { get; set; }
    public string? StatementDescriptor { get; set; }
    public string? TransferGroup { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];
    public CardDecline? LastError { get; set; }

    /// <summary>Stripe's <c>payment_intent</c> object, field for field as in Stripe's published fixtures.</summary>
    public JsonObject Render() => new()
    {
        ["id"] = Id,
        ["object"] = "payment_intent",
        ["amount"] = Amount,
        ["amount_capturable"] = 0,
        ["amount_details"] = new JsonObject { ["tip"] = new JsonObject() },
        ["amount_received"] = AmountReceived,
        ["application"] = null,
        ["application_fee_amount"] = null,
        ["automatic_payment_methods"] = null,
        ["canceled_at"] = null,
        ["cancellation_reason"] = null,
        ["capture_method"] = "automatic_async",
        ["client_secret"] = $"{Id}_secret_{Id[3..]}",
        ["confirmation_method"] = "automatic",
        ["created"] = Created,
        ["currency"] = Currency,
        ["customer"] = null,
        ["customer_account"] = null,
        ["description"] = Description,
        ["excluded_payment_method_types"] = null,
        ["last_payment_error"] = LastError?.Render(),
        ["latest_charge"] = LatestCharge,
        ["livemode"] = false,
        ["managed_payments"] = new JsonObject { ["enabled"] = false },
        ["metadata"] = StripeJson.Map(Metadata),
        ["next_action"] = null,
        ["on_behalf_of"] = null,
        ["payment_method"] = PaymentMethod,
        ["payment_method_configuration_details"] = null,
        ["payment_method_options"] = new JsonObject(),
        ["payment_method_types"] = StripeJson.Strings(["card"]),
        ["processing"] = null,
        ["receipt_email"] = ReceiptEmail,
        ["review"] = null,
        ["setup_future_usage"] = null,
        ["shipping"] = null,
        ["source"] = null,
        ["statement_descriptor"] = StatementDescriptor,
        ["statement_descriptor_suffix"] = null,
        ["status"] = Status,
        ["transfer_data"] = null,
        ["transfer_group"] = TransferGroup,
    };
}

/// <summary>Why a card was refused: Stripe's code, decline code and message, and the failed charge.</summary>
public sealed record CardDecline(string Code, string? DeclineCode, string Message, string? Charge = null)
{
    /// <summary>Stripe's error object leaves out what does not apply rather than writing null (its schema has no null there).</summary>
    public JsonObject Render()
    {
        var error = new JsonObject
        {
            ["code"] = Code,
            ["doc_url"] = $"https://stripe.com/docs/error-codes/{Code.Replace('_', '-')}",
            ["message"] = Message,
            ["type"] = "card_error",
        };
        if (Charge is not null)
        {
            error["charge"] = Charge;
        }

        if (DeclineCode is not null)
        {
            error["decline_code"] = DeclineCode;
        }

        return error;
    }
}
