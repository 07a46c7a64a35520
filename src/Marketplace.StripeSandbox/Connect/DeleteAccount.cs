using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary><c>DELETE /v1/accounts/{id}</c>: the account is gone; its links and balance no longer lead anywhere.</summary>
public static class DeleteAccount
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeDelete("/accounts/{id}", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var account = await SandboxAccounts.LoadRoutedAsync(request);
        request.Transaction.Session.Delete(account);
        return new JsonObject { ["id"] = account.Id, ["object"] = "account", ["deleted"] = true };
    }
}
