using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary><c>GET /v1/accounts/{id}</c>.</summary>
public static class GetAccount
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/accounts/{id}", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request) =>
        AccountObject.Render(await SandboxAccounts.LoadRoutedAsync(request));
}
