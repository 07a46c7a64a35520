using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting.Server;

namespace Marketplace.Infrastructure.Payments;

/// <summary>
/// Where the embedded sandbox answers: <c>Stripe:Sandbox:Url</c> when set, else this app's own listening address,
/// under <see cref="PathPrefix"/>.
/// </summary>
public sealed class StripeSandboxAddress(IConfiguration configuration, IServer server)
{
    public const string PathPrefix = "/stripe-sandbox";

    /// <summary>The API base Stripe.net is pointed at (it appends <c>/v1/...</c>).</summary>
    public string ApiBase => $"{Origin}{PathPrefix}";

    /// <summary>The app's own origin, as the sandbox reaches it (webhook deliveries go there).</summary>
    public string Origin =>
        configuration["Stripe:Sandbox:Url"] is { Length: > 0 } configured ? configured.TrimEnd('/') : PublicUrl.ListeningOrigin(server);
}
