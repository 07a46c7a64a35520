using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Events;

/// <summary><c>GET /v1/events/{id}</c>: an event of the platform, or with <c>Stripe-Account</c> of that account.</summary>
public static class GetEvent
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/events/{id}", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request) =>
        (await request.LoadInAccountAsync<SandboxEvent>("event")).Render();
}
