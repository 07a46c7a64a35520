using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Balances;

/// <summary><c>GET /v1/balance</c>: the platform's balance, or with <c>Stripe-Account</c> that account's, with the funds due by now available.</summary>
public static class GetBalance
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/balance", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        await SandboxFunds.SettleDueAsync(request.Transaction, request.StripeAccount, request.Http.RequestAborted);
        return (await request.Transaction.Ledger.BalanceAsync(request.StripeAccount, request.Http.RequestAborted)).Render();
    }
}
