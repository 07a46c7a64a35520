using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Marketplace.Infrastructure.Web;

/// <summary>
/// The address people reach the site at, for links in mails: <c>Site:PublicUrl</c> when set (production refuses to
/// start without it), else this app's own listening address. Only in Development, where the host filter admits
/// local names alone, does the current request's origin stand in, so that links work from whatever port the
/// developer opened. Never a header a client chose: a forged Host must not steer a reset link.
/// </summary>
public static class PublicUrl
{
    public static string Of(HttpContext context)
    {
        var services = context.RequestServices;
        return Configured(services.GetRequiredService<IConfiguration>())
            ?? (services.GetRequiredService<IHostEnvironment>().IsDevelopment()
                ? $"{context.Request.Scheme}://{context.Request.Host}"
                : ListeningOrigin(services.GetRequiredService<IServer>()));
    }

    /// <summary>For work outside a request (message handlers): <c>Site:PublicUrl</c>, else this app's own listening address.</summary>
    public static string Of(IServiceProvider services) => Of(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IServer>());

    /// <inheritdoc cref="Of(IServiceProvider)"/>
    public static string Of(IConfiguration configuration, IServer server) => Configured(configuration) ?? ListeningOrigin(server);

    /// <summary><c>Site:PublicUrl</c>, or nothing when it is not set.</summary>
    public static string? Configured(IConfiguration configuration) =>
        configuration["Site:PublicUrl"] is { } configured && !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/') : null;

    /// <summary>The first address the server listens on (http before https; a wildcard host becomes localhost).</summary>
    public static string ListeningOrigin(IServer server)
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
