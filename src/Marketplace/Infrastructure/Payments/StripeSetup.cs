using Microsoft.Extensions.Options;
using Stripe;
using Wolverine;

namespace Marketplace.Infrastructure.Payments;

/// <summary>
/// One <see cref="IStripeClient"/> for the whole app: Stripe itself when <c>Stripe:SecretKey</c> is set, otherwise the
/// embedded sandbox (<c>/stripe-sandbox</c>, in Development only), reached over HTTP like Stripe.
/// </summary>
public static class StripeSetup
{
    /// <summary>The named HttpClient Stripe.net sends its requests with.</summary>
    public const string HttpClientName = "stripe";

    public static void AddMarketplaceStripe(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
                options.SecretKey = string.IsNullOrWhiteSpace(options.SecretKey) ? configuration[StripeOptions.SecretKeyVariable] : options.SecretKey);
        services.AddSingleton<StripeSandboxAddress>();
        services.AddSingleton(sp => new WebhookSigningSecrets(
            sp.GetRequiredService<IOptions<StripeOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()));
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        // Built by a factory from options, so Wolverine's handler code has to ask the container for it.
        services.ConfigureWolverine(options => options.CodeGeneration.AlwaysUseServiceLocationFor<IStripeClient>());
        services.AddScoped<IStripeClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            var http = new SystemNetHttpClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), maxNetworkRetries: 2);
            if (!options.UsesSandbox)
            {
                return options.ApiBase is { Length: > 0 } apiBase
                    ? new StripeClient(new StripeClientOptions { ApiKey = options.SecretKey, HttpClient = http, ApiBase = apiBase, ConnectBase = apiBase, FilesBase = apiBase })
                    : new StripeClient(new StripeClientOptions { ApiKey = options.SecretKey, HttpClient = http });
            }

            var sandbox = sp.GetRequiredService<StripeSandboxAddress>();
            return new StripeClient(new StripeClientOptions
            {
                ApiKey = sandbox.ApiKey, HttpClient = http, ApiBase = sandbox.ApiBase, ConnectBase = sandbox.ApiBase, FilesBase = sandbox.ApiBase,
            });
        });
        builder.AddEmbeddedStripeSandbox();
    }

    /// <summary>
    /// Whether the embedded sandbox serves: no secret key, in Development only. Its control API and hosted pages take
    /// anyone's word, so a Staging or Production host without a key has no payments rather than fake ones.
    /// </summary>
    public static bool SandboxEnabled(IServiceProvider services) =>
        EmbeddedStripeSandbox.Included && services.GetRequiredService<IOptions<StripeOptions>>().Value.UsesSandbox
        && services.GetRequiredService<IHostEnvironment>().IsDevelopment();

    /// <summary>The same decision from configuration, while the app is being built.</summary>
    public static bool SandboxEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        EmbeddedStripeSandbox.Included && string.IsNullOrWhiteSpace(configuration[$"{StripeOptions.Section}:{nameof(StripeOptions.SecretKey)}"])
        && string.IsNullOrWhiteSpace(configuration[StripeOptions.SecretKeyVariable])
        && environment.IsDevelopment();
}

/// <summary>The secrets webhook signatures are checked against; without configuration, the development secrets (published in this source) in Development only.</summary>
public sealed class WebhookSigningSecrets(StripeOptions options, IHostEnvironment environment)
{
    public string? Platform { get; } = Pick(options.WebhookSecret, StripeOptions.DevelopmentWebhookSecret, environment);

    public string? Connect { get; } = Pick(options.ConnectWebhookSecret, StripeOptions.DevelopmentConnectWebhookSecret, environment);

    private static string? Pick(string? configured, string development, IHostEnvironment environment) =>
        !string.IsNullOrWhiteSpace(configured) ? configured : environment.IsDevelopment() ? development : null;
}
