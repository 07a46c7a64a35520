using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// <c>GET /v1/checkout/sessions</c>: <c>payment_intent</c>, <c>status</c>, <c>customer_details[email]</c> (the
/// email given at payment), and <see cref="StripeList"/>'s paging and <c>created</c>. The sandbox keeps no customers,
/// payment links or subscriptions: those filters match nothing.
/// </summary>
public static class ListCheckoutSessions
{
    private static readonly StripeListFilters<SandboxCheckoutSession> Filters = new StripeListFilters<SandboxCheckoutSession>()
        .Equal("payment_intent", s => s.PaymentIntent)
        .Equal("status", s => s.Status)
        .Add("customer_details", form => StripeListFilters<SandboxCheckoutSession>.Equals(s => s.PaidEmail, form.Required("customer_details", "email")))
        .MatchesNothing("customer")
        .MatchesNothing("payment_link")
        .MatchesNothing("subscription");

    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/checkout/sessions", ExecuteAsync).EmulatesList(Filters);

    public static Task<JsonObject> ExecuteAsync(SandboxApiRequest request) =>
        StripeList.PageAsync(request, "/v1/checkout/sessions", "checkout.session", Filters, CheckoutSessionObject.Render);
}
