using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Balances;

/// <summary><c>GET /v1/balance_transactions/{id}</c>, within the account of <c>Stripe-Account</c> (or the platform's).</summary>
public static class GetBalanceTransaction
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/balance_transactions/{id}", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request) =>
        (await request.LoadInAccountAsync<SandboxBalanceTransaction>("balance transaction")).Render();
}
