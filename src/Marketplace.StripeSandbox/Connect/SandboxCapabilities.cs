using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>
/// Requesting a capability, at creation or later (<c>capabilities[x][requested]</c> on <c>POST /v1/accounts/{id}</c>,
/// or <c>POST /v1/accounts/{id}/capabilities/{x}</c>): a newly requested capability is <c>active</c> on an account
/// whose onboarding is complete and <c>inactive</c> while requirements are due; <c>requested=false</c> takes it away
/// (<c>unrequested</c>). Each status that changed emits <c>capability.updated</c>.
/// </summary>
public static class SandboxCapabilities
{
    /// <summary>The capabilities Stripe's description lets an account request.</summary>
    public static bool IsKnown(string capability) => StripeSpec.Instance.ParameterNames("POST /v1/accounts", "capabilities").Contains(capability);

    /// <summary>Applies the requests; answers the earlier status of each capability that changed.</summary>
    public static Dictionary<string, string> Request(SandboxAccount account, IEnumerable<(string Capability, bool Requested)> requests)
    {
        var before = new Dictionary<string, string>();
        foreach (var (capability, requested) in requests)
        {
            var was = StatusOf(account, capability);
            if (requested && !account.Capabilities.ContainsKey(capability))
            {
                account.Capabilities[capability] = account.ChargesEnabled && account.PayoutsEnabled ? "active" : "inactive";
            }
            else if (!requested)
            {
                account.Capabilities.Remove(capability);
            }

            if (StatusOf(account, capability) != was)
            {
                before[capability] = was;
            }
        }

        return before;
    }

    /// <summary>The requests in <c>capabilities[x][requested]</c>.</summary>
    public static IEnumerable<(string Capability, bool Requested)> Requests(StripeForm form) =>
        form.Keys("capabilities").Where(capability => form.Bool("capabilities", capability, "requested") is not null)
            .Select(capability => (capability, form.Bool("capabilities", capability, "requested")!.Value));

    public static string StatusOf(SandboxAccount account, string capability) => account.Capabilities.GetValueOrDefault(capability, "unrequested");

    public static async Task EmitAsync(SandboxTransaction transaction, SandboxAccount account, IReadOnlyDictionary<string, string> earlier)
    {
        foreach (var (capability, status) in earlier)
        {
            await transaction.EmitAsync("capability.updated", CapabilityObject.Render(account, capability), account.Id, new JsonObject { ["status"] = status });
        }
    }
}
