using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payouts;

/// <summary><c>GET /v1/payouts</c> of the platform or the <c>Stripe-Account</c>: <c>status</c>, <c>destination</c>, and <see cref="StripeList"/>'s paging and <c>created</c>.</summary>
public static class ListPayouts
{
    private static readonly StripeListFilters<SandboxPayout> Filters = new StripeListFilters<SandboxPayout>()
        .Equal("status", p => p.Status)
        .Equal("destination", p => p.Destination);

    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/payouts", ExecuteAsync).EmulatesList(Filters);

    public static Task<JsonObject> ExecuteAsync(SandboxApiRequest request) =>
        StripeList.PageAsync(request, "/v1/payouts", "payout", Filters, p => p.Render());
}
