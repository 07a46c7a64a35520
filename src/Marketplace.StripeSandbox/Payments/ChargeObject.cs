using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>Stripe's <c>charge</c> object, field for field as in Stripe's published fixtures.</summary>
public static class ChargeObject
{
    private const string EmptyAddress = """{"city":null,"country":null,"line1":null,"line2":null,"postal_code":null,"state":null}""";

    public static JsonObject Render(SandboxCharge charge, IEnumerable<SandboxRefund> refunds)
    {
        var json = Fields(charge, refunds);
        if (charge.Transfer is not null)
        {
            json["transfer"] = charge.Transfer; // Stripe leaves the field out of charges that are not destination charges
        }

        return json;
    }

    private static JsonObject Fields(SandboxCharge charge, IEnumerable<SandboxRefund> refunds) => new()
    {
        ["id"] = charge.Id,
        ["object"] = "charge",
        ["amount"] = charge.Amount,
        ["amount_captured"] = charge.Paid ? charge.AmountCaptured : 0,
        ["amount_refunded"] = charge.AmountRefunded,
        ["application"] = null,
        ["application_fee"] = charge.ApplicationFee,
        ["application_fee_amount"] = charge.ApplicationFee is null ? null : charge.ApplicationFeeAmount,
        ["balance_transaction"] = charge.BalanceTransaction,
        ["billing_details"] = new JsonObject
        {
            ["address"] = StripeJson.Parse(EmptyAddress), ["email"] = charge.BillingEmail, ["name"] = charge.BillingName, ["phone"] = null, ["tax_id"] = null,
        },
        ["calculated_statement_descriptor"] = charge.StatementDescriptor ?? "MARKETPLACE",
        ["captured"] = charge.Paid && charge.Captured,
        ["created"] = charge.Created,
        ["currency"] = charge.Currency,
        ["customer"] = null,
        ["description"] = charge.Description,
        ["disputed"] = charge.Disputed,
        ["failure_balance_transaction"] = null,
        ["failure_code"] = charge.Failure?.Code,
        ["failure_message"] = charge.Failure?.Message,
        ["fraud_details"] = new JsonObject(),
        ["livemode"] = false,
        ["metadata"] = StripeJson.Map(charge.Metadata),
        ["on_behalf_of"] = charge.OnBehalfOf,
        ["outcome"] = Outcome(charge),
        ["paid"] = charge.Paid,
        ["payment_intent"] = charge.PaymentIntent,
        ["payment_method"] = charge.PaymentMethod,
        ["payment_method_details"] = new JsonObject { ["card"] = Card(charge), ["type"] = "card" },
        ["receipt_email"] = charge.BillingEmail,
        ["receipt_number"] = null,
        ["receipt_url"] = null,
        ["refunded"] = charge.Paid && charge.AmountRefunded == charge.Amount,
        ["refunds"] = StripeJson.List($"/v1/charges/{charge.Id}/refunds", refunds.Select(refund => (JsonNode)refund.Render())),
        ["review"] = null,
        ["shipping"] = null,
        ["source"] = null,
        ["source_transfer"] = null,
        ["statement_descriptor"] = charge.StatementDescriptor,
        ["statement_descriptor_suffix"] = null,
        ["status"] = charge.Status,
        ["transfer_data"] = charge.TransferDestination is null ? null
            : new JsonObject { ["amount"] = charge.TransferAmount, ["destination"] = charge.TransferDestination },
        ["transfer_group"] = charge.TransferGroup,
    };

    private static JsonObject Outcome(SandboxCharge charge) => new()
    {
        ["advice_code"] = null,
        ["network_advice_code"] = null,
        ["network_decline_code"] = null,
        ["network_status"] = charge.Paid ? "approved_by_network" : "declined_by_network",
        ["reason"] = charge.Failure?.DeclineCode,
        ["risk_level"] = "normal",
        ["seller_message"] = charge.Paid ? "Payment complete." : "The bank did not return any further details with this decline.",
        ["type"] = charge.Paid ? "authorized" : "issuer_declined",
    };

    private static JsonObject Card(SandboxCharge charge) => new()
    {
        ["amount_authorized"] = charge.Paid ? charge.Amount : null,
        ["authorization_code"] = null,
        ["brand"] = charge.Card.Brand,
        ["checks"] = new JsonObject { ["address_line1_check"] = null, ["address_postal_code_check"] = null, ["cvc_check"] = "pass" },
        ["country"] = "US",
        ["exp_month"] = charge.Card.ExpMonth,
        ["exp_year"] = charge.Card.ExpYear,
        ["extended_authorization"] = new JsonObject { ["status"] = "disabled" },
        ["fingerprint"] = $"sbx{charge.Card.Brand}{charge.Card.Last4}",
        ["funding"] = charge.Card.Funding,
        ["incremental_authorization"] = new JsonObject { ["status"] = "unavailable" },
        ["installments"] = null,
        ["last4"] = charge.Card.Last4,
        ["mandate"] = null,
        ["multicapture"] = new JsonObject { ["status"] = "unavailable" },
        ["network"] = charge.Card.Brand,
        ["network_token"] = new JsonObject { ["used"] = false },
        ["network_transaction_id"] = null,
        ["overcapture"] = new JsonObject { ["maximum_amount_capturable"] = charge.Amount, ["status"] = "unavailable" },
        ["regulated_status"] = "unregulated",
        ["three_d_secure"] = null,
        ["transaction_link_id"] = null,
        ["wallet"] = null,
    };
}
