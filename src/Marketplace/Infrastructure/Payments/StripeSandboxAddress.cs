using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Marketplace.Infrastructure.Payments;

/// <summary>
/// Where the embedded sandbox answers: <c>Stripe:Sandbox:Url</c> when set, else this app's own first listening
/// address (a wildcard host becomes localhost) under <see cref="PathPrefix"/>.
/// </summary>
public sealed class StripeSandboxAddress(IConfiguration configuration, IServer server)
{
    public const string PathPrefix = "/stripe-sandbox";

    /// <summary>The API base Stripe.net is pointed at (it appends <c>/v1/...</c>).</summary>
    public string ApiBase => $"{Origin}{PathPrefix}";

    /// <summary>The app's own origin, as the sandbox reaches it (webhook deliveries go there).</summary>
    public string Origin
    {
        get
        {
            var configured = configuration["Stripe:Sandbox:Url"];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured.TrimEnd('/');
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
                .OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
            if (address is null)
            {
                return "http://localhost";
            }

            var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal));
            return uri.GetLeftPart(UriPartial.Authority);
        }
    }
}
