using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Balances;

/// <summary><c>GET /v1/balance</c>: the platform's balance, or with <c>Stripe-Account</c> that account's.</summary>
public static class GetBalance
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/balance", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request) =>
        (await SandboxBalance.LoadAsync(request.Transaction.Session, request.StripeAccount, request.Http.RequestAborted)).Render();
}
