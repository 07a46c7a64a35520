using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// A payment intent: requires_payment_method until a card succeeds, then succeeded; with manual capture, requires_capture
/// until captured (succeeded) or canceled.
/// </summary>
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
    public string CaptureMethod { get; set; } = "automatic_async";
    public long AmountCapturable { get; set; }
    public long? CanceledAt { get; set; }
    public string? CancellationReason { get; set; }
    public string? OnBehalfOf { get; set; }
    public string? TransferDestination { get; set; }
    public long? TransferAmount { get; set; }
    public long? ApplicationFeeAmount { get; set; }

    /// <summary>Stripe's <c>payment_intent</c> object, field for field as in Stripe's published fixtures.</summary>
    public JsonObject Render() => new()
    {
        ["id"] = Id,
        ["object"] = "payment_intent",
        ["amount"] = Amount,
        ["amount_capturable"] = AmountCapturable,
        ["amount_details"] = new JsonObject { ["tip"] = new JsonObject() },
        ["amount_received"] = AmountReceived,
        ["application"] = null,
        ["application_fee_amount"] = ApplicationFeeAmount,
        ["automatic_payment_methods"] = null,
        ["canceled_at"] = CanceledAt,
        ["cancellation_reason"] = CancellationReason,
        ["capture_method"] = CaptureMethod,
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
        ["on_behalf_of"] = OnBehalfOf,
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
        ["transfer_data"] = TransferData(),
        ["transfer_group"] = TransferGroup,
    };

    /// <summary>Stripe leaves out <c>amount</c> when the whole payment goes to the destination (its schema has no null there).</summary>
    private JsonObject? TransferData()
    {
        if (TransferDestination is null)
        {
            return null;
        }

        var data = new JsonObject { ["destination"] = TransferDestination };
        if (TransferAmount is { } amount)
        {
            data["amount"] = amount;
        }

        return data;
    }
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
