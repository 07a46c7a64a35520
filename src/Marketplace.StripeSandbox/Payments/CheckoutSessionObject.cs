using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>Stripe's <c>checkout.session</c> object, field for field as in Stripe's published fixtures.</summary>
public static class CheckoutSessionObject
{
    private const string Constant = """
        {"adaptive_pricing":{"enabled":false},"after_expiration":null,"allow_promotion_codes":null,
         "automatic_tax":{"enabled":false,"liability":null,"provider":null,"status":null},"billing_address_collection":null,
         "client_secret":null,"collected_information":null,"consent":null,"consent_collection":null,"currency_conversion":null,
         "custom_fields":[],"custom_text":{"after_submit":null,"shipping_address":null,"submit":null,"terms_of_service_acceptance":null},
         "customer":null,"customer_account":null,"customer_creation":"if_required","discounts":[],"integration_identifier":null,
         "invoice":null,"invoice_creation":{"enabled":false,"invoice_data":{"account_tax_ids":null,"custom_fields":null,"description":null,
           "footer":null,"issuer":null,"metadata":{},"rendering_options":null}},"livemode":false,"locale":null,
         "managed_payments":{"enabled":false},"mode":"payment","origin_context":null,"payment_link":null,
         "payment_method_collection":"if_required","payment_method_configuration_details":null,"payment_method_options":{},
         "payment_method_types":["card"],"permissions":null,"phone_number_collection":{"enabled":false},"recovered_from":null,
         "saved_payment_method_options":null,"setup_intent":null,"shipping_address_collection":null,"shipping_cost":null,
         "shipping_options":[],"submit_type":null,"subscription":null,"ui_mode":"hosted","wallet_options":null}
        """;

    public static JsonObject Render(SandboxCheckoutSession session)
    {
        var json = StripeJson.Parse(Constant);
        json["id"] = session.Id;
        json["object"] = "checkout.session";
        json["amount_subtotal"] = session.AmountTotal;
        json["amount_total"] = session.AmountTotal;
        json["cancel_url"] = session.CancelUrl;
        json["client_reference_id"] = session.ClientReferenceId;
        json["created"] = session.Created;
        json["currency"] = session.Currency;
        json["customer_details"] = session.PaidEmail is null ? null : CustomerDetails(session);
        json["customer_email"] = session.CustomerEmail;
        json["expires_at"] = session.ExpiresAt;
        json["metadata"] = StripeJson.Map(session.Metadata);
        json["payment_intent"] = session.PaymentIntent;
        json["payment_status"] = session.PaymentStatus;
        json["status"] = session.Status;
        json["success_url"] = session.SuccessUrl;
        json["total_details"] = new JsonObject { ["amount_discount"] = 0, ["amount_shipping"] = 0, ["amount_tax"] = 0 };
        json["url"] = session.Status == "open" ? session.HostedUrl : null;
        return Sorted(json);
    }

    /// <summary>The session's line items in the order given, as <c>GET /v1/checkout/sessions/{id}/line_items</c> lists them.</summary>
    public static IReadOnlyList<JsonObject> LineItems(SandboxCheckoutSession session) => [..
        session.LineItems.Select((item, index) => new JsonObject
        {
            ["id"] = $"li_{session.Id[^20..]}{index}",
            ["object"] = "item",
            ["amount_discount"] = 0,
            ["amount_subtotal"] = item.UnitAmount * item.Quantity,
            ["amount_tax"] = 0,
            ["amount_total"] = item.UnitAmount * item.Quantity,
            ["currency"] = item.Currency,
            ["description"] = item.Name,
            ["price"] = null,
            ["quantity"] = item.Quantity,
        })];

    private static JsonObject CustomerDetails(SandboxCheckoutSession session) => new()
    {
        ["address"] = null,
        ["business_name"] = null,
        ["email"] = session.PaidEmail,
        ["individual_name"] = null,
        ["name"] = session.PaidName,
        ["phone"] = null,
        ["tax_exempt"] = "none",
        ["tax_ids"] = new JsonArray(),
    };

    private static JsonObject Sorted(JsonObject json)
    {
        var sorted = new JsonObject();
        foreach (var (key, value) in json.OrderBy(pair => pair.Key == "id" ? "" : pair.Key == "object" ? " " : pair.Key, StringComparer.Ordinal).ToList())
        {
            json.Remove(key);
            sorted[key] = value;
        }

        return sorted;
    }
}
