using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>
/// <c>GET /v1/accounts/{id}/capabilities</c>, <c>GET</c> and <c>POST /v1/accounts/{id}/capabilities/{capability}</c>
/// (<c>requested</c>): a change emits <c>account.updated</c> and <c>capability.updated</c>.
/// </summary>
public static class AccountCapabilities
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapStripeGet("/accounts/{id}/capabilities", async request =>
        {
            var account = await SandboxAccounts.LoadRoutedAsync(request);
            return StripeJson.List($"/v1/accounts/{account.Id}/capabilities",
                account.Capabilities.Keys.Order(StringComparer.Ordinal).Select(capability => (JsonNode)CapabilityObject.Render(account, capability)));
        });
        api.MapStripeGet("/accounts/{id}/capabilities/{capability}", async request =>
        {
            var (account, capability) = await LoadAsync(request);
            return CapabilityObject.Render(account, capability);
        });
        api.MapStripePost("/accounts/{id}/capabilities/{capability}", UpdateAsync).Emulates(["requested"], "account.updated", "capability.updated");
    }

    public static async Task<JsonObject> UpdateAsync(SandboxApiRequest request)
    {
        var (account, capability) = await LoadAsync(request);
        var transaction = request.Transaction;
        var before = AccountObject.Render(account);
        var changed = SandboxCapabilities.Request(account, request.Form.Bool("requested") is { } requested ? [(capability, requested)] : []);
        if (changed.Count > 0)
        {
            transaction.Session.Update(account);
            var after = AccountObject.Render(account);
            await transaction.EmitAsync("account.updated", after, account.Id, StripeJson.Changes(before, after));
            await SandboxCapabilities.EmitAsync(transaction, account, changed);
        }

        return CapabilityObject.Render(account, capability);
    }

    private static async Task<(SandboxAccount Account, string Capability)> LoadAsync(SandboxApiRequest request)
    {
        var account = await SandboxAccounts.LoadRoutedAsync(request);
        var capability = request.Route("capability");
        return SandboxCapabilities.IsKnown(capability) ? (account, capability) : throw StripeApiException.NoSuch("capability", capability);
    }
}
