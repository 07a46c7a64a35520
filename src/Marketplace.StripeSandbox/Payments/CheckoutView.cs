using System.Globalization;
using System.Text;
using Marketplace.StripeSandbox.Pages;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>The HTML of the hosted checkout: the order, then the card form, or how the session ended.</summary>
public static class CheckoutView
{
    public static string Render(SandboxCheckoutSession checkout, string? email, string? error)
    {
        var e = (Func<string?, string>)SandboxPage.Encode;
        var html = new StringBuilder("""<header class="sbx-header"><p class="sbx-eyebrow">Stripe Checkout</p>""");
        html.Append(checkout.Status switch
        {
            "complete" => $"""<h1>Payment complete</h1></header><p>Thank you. <a href="{e(checkout.SuccessRedirect)}">Return to the shop</a></p>""",
            "expired" => $"""<h1>This checkout session has expired</h1></header>{Back(checkout, "Return to the shop")}""",
            _ => $"""<h1>Pay {e(SandboxPage.Money(checkout.AmountTotal, checkout.Currency))}</h1></header>""",
        });
        if (checkout.Status != "open")
        {
            return html.ToString();
        }

        html.Append("""<table class="sbx-table"><thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col">Amount</th></tr></thead><tbody>""");
        foreach (var item in checkout.LineItems)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{e(item.Name)}</td><td>{item.Quantity}</td><td>{e(SandboxPage.Money(item.UnitAmount * item.Quantity, item.Currency))}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </tbody></table>
            <p class="sbx-summary sbx-total"><span>Total due</span><span>{e(SandboxPage.Money(checkout.AmountTotal, checkout.Currency))}</span></p>
            {(error is null ? "" : $"""<p class="sbx-notice" role="alert">{e(error)}</p>""")}
            <form method="post" action="{CreateCheckoutSession.PagePath}/{e(checkout.Id)}" class="sbx-form">
              {Input("email", "Email", email ?? "buyer@example.com", "email", "email")}
              <fieldset>
                <legend>Card information</legend>
                {Input("card_number", "Card number", "4242 4242 4242 4242", "text", "cc-number")}
                <div class="sbx-row">
                  {Input("card_expiry", "Expiry (MM / YY)", "12 / 34", "text", "cc-exp")}
                  {Input("card_cvc", "CVC", "123", "text", "cc-csc")}
                </div>
                {Input("card_name", "Name on card", "Jenny Rosen", "text", "cc-name")}
              </fieldset>
              <button type="submit" class="sbx-button sbx-wide">Pay</button>
              <p class="sbx-hint">Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined,
                4000 0000 0000 9995 has insufficient funds, 4000 0000 0000 0259 succeeds and is then disputed.</p>
            </form>
            {Back(checkout, "Cancel and return to the shop")}
            """);
        return html.ToString();
    }

    private static string Back(SandboxCheckoutSession checkout, string label) => checkout.CancelUrl is { } url
        ? $"""<p><a href="{SandboxPage.Encode(url)}">{SandboxPage.Encode(label)}</a></p>"""
        : "";

    private static string Input(string name, string label, string value, string type, string autocomplete) => $"""
        <p class="sbx-field"><label for="{name}">{SandboxPage.Encode(label)}</label><input id="{name}" name="{name}" type="{type}" value="{SandboxPage.Encode(value)}" autocomplete="{autocomplete}" maxlength="200"></p>
        """;
}
