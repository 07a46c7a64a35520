using Marten;
using Stripe;

namespace Marketplace.StripeSandbox.Events;

/// <summary>
/// The API versions that decide an event's <c>api_version</c>, as on Stripe: the version the webhook endpoint was
/// created with when it has one, otherwise the account's default version at the time of the event. A request's
/// <c>Stripe-Version</c> header changes neither (docs.stripe.com/webhooks/versioning, /sdks/set-version). Kept as the
/// platform's settings are on Stripe, in a document; absent, both are Stripe.net's pinned version.
/// </summary>
public sealed class SandboxApiVersions
{
    public const string DocumentId = "api_versions";

    public string Id { get; set; } = DocumentId;

    /// <summary>The account's default API version (Workbench on Stripe); null for Stripe.net's.</summary>
    public string? AccountDefault { get; set; }

    /// <summary>The version the webhook endpoint was created with; null when it follows the account's default.</summary>
    public string? WebhookEndpoint { get; set; }

    public string ForEvents => WebhookEndpoint ?? AccountDefault ?? StripeConfiguration.ApiVersion;

    public static async Task<SandboxApiVersions> LoadAsync(IQuerySession session, CancellationToken ct = default) =>
        await session.LoadAsync<SandboxApiVersions>(DocumentId, ct) ?? new SandboxApiVersions();
}
