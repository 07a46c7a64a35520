using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Transfers;

/// <summary><c>GET /v1/transfers/{id}</c>, with its reversals.</summary>
public static class GetTransfer
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/transfers/{id}", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request) => (await request.LoadInAccountAsync<SandboxTransfer>("transfer")).Render();
}
