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
        ["future_requirements"] = Requirements([], null),
        ["requested"] = true,
        ["requested_at"] = account.Created,
        ["requirements"] = Requirements(account.CurrentlyDue, account.DisabledReason),
        ["status"] = account.Capabilities[capability],
    };

    private static JsonObject Requirements(IReadOnlyList<string> due, string? disabledReason) => new()
    {
        ["alternatives"] = new JsonArray(),
        ["current_deadline"] = null,
        ["currently_due"] = StripeJson.Strings(due),
        ["disabled_reason"] = disabledReason,
        ["errors"] = new JsonArray(),
        ["eventually_due"] = StripeJson.Strings(due),
        ["past_due"] = StripeJson.Strings(due),
        ["pending_verification"] = new JsonArray(),
    };
}
