using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>Stripe's <c>capability</c> object, the subject of <c>capability.updated</c>.</summary>
public static class CapabilityObject
{
    public static JsonObject Render(SandboxAccount account, string capability) => new()
    {
        ["id"] = capability,
        ["object"] = "capability",
        ["account"] = account.Id,
        ["future_requirements"] = Requirements([], [], null),
        ["requested"] = account.Capabilities.ContainsKey(capability),
        ["requested_at"] = account.Capabilities.ContainsKey(capability) ? account.Created : null,
        ["requirements"] = account.Capabilities.ContainsKey(capability)
            ? Requirements(account.CurrentlyDue, account.PastDue, account.DisabledReason)
            : Requirements([], [], null),
        ["status"] = SandboxCapabilities.StatusOf(account, capability),
    };

    private static JsonObject Requirements(IReadOnlyList<string> due, IReadOnlyList<string> pastDue, string? disabledReason) => new()
    {
        ["alternatives"] = new JsonArray(),
        ["current_deadline"] = null,
        ["currently_due"] = StripeJson.Strings(due),
        ["disabled_reason"] = disabledReason,
        ["errors"] = new JsonArray(),
        ["eventually_due"] = StripeJson.Strings(due),
        ["past_due"] = StripeJson.Strings(pastDue),
        ["pending_verification"] = new JsonArray(),
    };
}
