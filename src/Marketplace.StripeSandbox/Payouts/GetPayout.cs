using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payouts;

/// <summary><c>GET /v1/payouts/{id}</c>, within the account of <c>Stripe-Account</c> (or the platform's).</summary>
public static class GetPayout
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/payouts/{id}", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request) =>
        (await request.LoadInAccountAsync<SandboxPayout>("payout")).Render();
}
