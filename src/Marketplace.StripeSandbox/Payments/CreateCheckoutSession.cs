using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// <c>POST /v1/checkout/sessions</c> in payment mode with <c>line_items[][price_data]</c>: an open session whose
/// <c>url</c> is the sandbox's hosted checkout (at the sandbox's public URL).
/// </summary>
public static class CreateCheckoutSession
{
    public const string PagePath = $"{StripeSandboxHosting.PathPrefix}/checkout";

    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/checkout/sessions", ExecuteAsync).Emulates(
    [
        "cancel_url", "client_reference_id", "customer_email", "expires_at", "line_items[][price_data][currency]",
        "line_items[][price_data][product_data][description]", "line_items[][price_data][product_data][name]", "line_items[][price_data][unit_amount]",
        "line_items[][quantity]", "metadata", "mode", "payment_intent_data[application_fee_amount]", "payment_intent_data[capture_method]",
        "payment_intent_data[description]", "payment_intent_data[metadata]", "payment_intent_data[on_behalf_of]",
        "payment_intent_data[statement_descriptor]", "payment_intent_data[transfer_data][amount]", "payment_intent_data[transfer_data][destination]",
        "payment_intent_data[transfer_group]", "success_url",
    ]);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var form = request.Form;
        if (form.Required("mode") != "payment")
        {
            throw StripeApiException.Invalid("mode", "The Stripe sandbox supports Checkout in payment mode only.");
        }

        var items = form.Items("line_items");
        if (items.Count == 0)
        {
            throw StripeApiException.Missing("line_items");
        }

        var lineItems = items.Select(LineItem).ToList();
        var currency = lineItems[0].Currency;
        if (lineItems.Any(item => item.Currency != currency))
        {
            throw StripeApiException.Invalid("line_items", "All line items must have the same currency.");
        }

        var now = request.Transaction.UnixNow;
        var checkout = new SandboxCheckoutSession
        {
            Id = SandboxIds.New("cs_test", 58),
            Created = now,
            ExpiresAt = ExpiresAt(form, now),
            Currency = currency,
            LineItems = lineItems,
            SuccessUrl = AbsoluteUrl(form, "success_url") ?? throw StripeApiException.Missing("success_url"),
            CancelUrl = AbsoluteUrl(form, "cancel_url"),
            ClientReferenceId = form.String("client_reference_id"),
            CustomerEmail = form.String("customer_email"),
            Metadata = form.Metadata().Where(pair => pair.Value.Length > 0).ToDictionary(),
            PaymentIntentData = new PaymentIntentData
            {
                Description = form.String("payment_intent_data", "description"),
                TransferGroup = form.String("payment_intent_data", "transfer_group"),
                StatementDescriptor = form.String("payment_intent_data", "statement_descriptor"),
                Metadata = form.Object("payment_intent_data")?.Metadata().Where(pair => pair.Value.Length > 0).ToDictionary() ?? [],
            },
        };
        await DestinationChargeData.ReadAsync(form, checkout.PaymentIntentData, checkout.AmountTotal, request.Transaction.Session, request.Http.RequestAborted);
        if (checkout.AmountTotal < 50)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest, "The Checkout Session's total amount due must add up to at least $0.50 usd.",
                "amount_too_small", "line_items");
        }

        checkout.HostedUrl = request.PageUrl($"{PagePath}/{checkout.Id}");
        request.Transaction.Session.Insert(checkout);
        return CheckoutSessionObject.Render(checkout);
    }

    private static CheckoutLineItem LineItem(StripeForm item)
    {
        if (item.Has("price"))
        {
            throw StripeApiException.Invalid("line_items[][price]", "The Stripe sandbox supports line items with price_data only.");
        }

        var quantity = item.RequiredLong("quantity");
        var unitAmount = item.RequiredLong("price_data", "unit_amount");
        if (quantity < 1 || unitAmount < 0)
        {
            throw StripeApiException.Invalid("line_items", "Quantities must be at least 1 and unit amounts at least 0.");
        }

        return new CheckoutLineItem(item.Required("price_data", "product_data", "name"), item.String("price_data", "product_data", "description"),
            unitAmount, quantity, item.Required("price_data", "currency").ToLowerInvariant());
    }

    private static long ExpiresAt(StripeForm form, long now)
    {
        var expiresAt = form.Long("expires_at") ?? now + (long)SandboxCheckoutSession.DefaultLifetime.TotalSeconds;
        return expiresAt - now is >= 1800 and <= 86400
            ? expiresAt
            : throw StripeApiException.Invalid("expires_at", "The expires_at timestamp must be between 30 minutes and 24 hours from now.");
    }

    private static string? AbsoluteUrl(StripeForm form, string name) => form.String(name) switch
    {
        null or "" => null,
        var url when Uri.TryCreate(url.Replace("{CHECKOUT_SESSION_ID}", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" => url,
        _ => throw StripeApiException.Invalid(name, $"Not a valid URL: {name} must be an absolute http or https URL."),
    };
}
