using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting.Server;

namespace Marketplace.Infrastructure.Payments;

/// <summary>
/// Where the app reaches the Stripe sandbox: <c>Stripe:Sandbox:Url</c> when set, else this app's own listening address,
/// under <see cref="PathPrefix"/>, with <c>Stripe:Sandbox:ApiKey</c> (default <see cref="StripeOptions.SandboxSecretKey"/>).
/// </summary>
public sealed class StripeSandboxAddress(IConfiguration configuration, IServer server)
{
    public const string PathPrefix = "/stripe-sandbox";

    /// <summary>The API base Stripe.net is pointed at (it appends <c>/v1/...</c>).</summary>
    public string ApiBase => $"{Origin}{PathPrefix}";

    /// <summary>The sandbox's origin: the app's own, unless configured.</summary>
    public string Origin =>
        configuration["Stripe:Sandbox:Url"] is { Length: > 0 } configured ? configured.TrimEnd('/') : PublicUrl.ListeningOrigin(server);

    public string ApiKey =>
        configuration["Stripe:Sandbox:ApiKey"] is { Length: > 0 } configured ? configured : StripeOptions.SandboxSecretKey;
}
