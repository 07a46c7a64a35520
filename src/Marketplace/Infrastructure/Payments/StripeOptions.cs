namespace Marketplace.Infrastructure.Payments;

/// <summary>
/// The <c>Stripe</c> configuration section. With no <see cref="SecretKey"/> the marketplace talks to the embedded Stripe
/// sandbox (in Development only); with one, to Stripe itself, and nothing else changes.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>The key Stripe.net sends to the sandbox; the sandbox accepts no other.</summary>
    public const string SandboxSecretKey = "sk_test_marketplace_sandbox";

    /// <summary>Signing secrets used when none are configured, in Development only; the sandbox signs with them too.</summary>
    public const string DevelopmentWebhookSecret = "whsec_marketplace_development_platform";

    public const string DevelopmentConnectWebhookSecret = "whsec_marketplace_development_connect";

    /// <summary>Stripe's own name for the key, read when <c>Stripe:SecretKey</c> is empty.</summary>
    public const string SecretKeyVariable = "STRIPE_SECRET_KEY";

    public string? SecretKey { get; set; }

    /// <summary>
    /// A Stripe-compatible server to send API calls to instead of Stripe (stripe-mock, or the standalone sandbox host
    /// the local production topology runs); empty for Stripe itself.
    /// </summary>
    public string? ApiBase { get; set; }

    /// <summary>Signing secret of the platform's webhook endpoint.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Signing secret of the Connect webhook endpoint (events of connected accounts).</summary>
    public string? ConnectWebhookSecret { get; set; }

    /// <summary>How old a signed event may be, in seconds, before it is refused as a possible replay.</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;

    public bool UsesSandbox => string.IsNullOrWhiteSpace(SecretKey);

    /// <summary>Events from live mode are accepted only with a live key, and test-mode events only without one.</summary>
    public bool Livemode => SecretKey is { } key && (key.StartsWith("sk_live_", StringComparison.Ordinal) || key.StartsWith("rk_live_", StringComparison.Ordinal));
}
