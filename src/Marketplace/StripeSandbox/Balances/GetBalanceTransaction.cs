using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Balances;

/// <summary><c>GET /v1/balance_transactions/{id}</c>, within the account of <c>Stripe-Account</c> (or the platform's).</summary>
public static class GetBalanceTransaction
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/balance_transactions/{id}", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var id = request.Route("id");
        var transaction = await request.Transaction.Session.LoadAsync<SandboxBalanceTransaction>(id, request.Http.RequestAborted);
        return transaction is not null && transaction.Account == request.StripeAccount
            ? transaction.Render()
            : throw StripeApiException.NoSuch("balance transaction", id);
    }
}
