using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Marketplace.StripeSandbox;

/// <summary>
/// <see cref="StripeSandboxOptions"/> with their defaults filled in. The addresses default to the host's listening
/// address, known only once the server has started, so they are worked out when asked for.
/// </summary>
public sealed class SandboxSettings(IOptions<StripeSandboxOptions> options, IServer server)
{
    public const string WebhookPath = "/api/webhooks/stripe";

    private StripeSandboxOptions Options => options.Value;

    public string ApiKey => Options.ApiKey;

    /// <summary>The origin of the hosted pages the API's links lead to.</summary>
    public string PublicUrl => Options.PublicUrl?.TrimEnd('/') ?? Origin;

    public string WebhookUrl => Options.WebhookUrl ?? $"{Origin}{WebhookPath}";

    public IReadOnlyList<TimeSpan> RetryDelays => Options.RetryDelays;

    private string Origin => Options.Url?.TrimEnd('/') ?? ListeningOrigin();

    /// <summary>The secret an event is signed with: the Connect one for events of connected accounts.</summary>
    public string SigningSecretFor(string? account) =>
        (account is null ? Options.WebhookSecret : Options.ConnectWebhookSecret)
        ?? throw new InvalidOperationException("No webhook signing secret is configured, so the sandbox cannot sign events.");

    /// <summary>The first address the server listens on (http before https; a wildcard host becomes localhost).</summary>
    private string ListeningOrigin()
    {
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
