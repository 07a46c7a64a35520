#if !PRODUCTION_BUILD
using Marketplace.Infrastructure.Web;
using Marketplace.StripeSandbox;
using Wolverine;
#endif

namespace Marketplace.Infrastructure.Payments;

/// <summary>
/// The Stripe sandbox inside the app, when <see cref="StripeSetup.SandboxEnabled(IConfiguration, IHostEnvironment)"/>
/// (no Stripe key, Development only): on the app's database and Wolverine, under the app's address, signing with the
/// app's webhook secrets. The one place the app names the sandbox's types: the production build (<c>dotnet publish</c>)
/// does not reference the sandbox, and has the sandbox off whatever its settings.
/// </summary>
public static class EmbeddedStripeSandbox
{
#if PRODUCTION_BUILD
    public static bool Included => false;

#pragma warning disable IDE0060 // The development build's signatures, with nothing to add or map.
    public static void AddEmbeddedStripeSandbox(this WebApplicationBuilder builder)
    {
    }

    public static void MapEmbeddedStripeSandbox(this IEndpointRouteBuilder app)
    {
    }
#pragma warning restore IDE0060
#else
    /// <summary>Whether this build carries the sandbox (every build but the production one).</summary>
    public static bool Included => true;

    /// <summary>The named HttpClient the sandbox delivers webhook events with.</summary>
    public const string WebhookHttpClientName = StripeSandboxHosting.WebhookHttpClientName;

    public static void AddEmbeddedStripeSandbox(this WebApplicationBuilder builder)
    {
        if (!StripeSetup.SandboxEnabled(builder.Configuration, builder.Environment))
        {
            return;
        }

        var services = builder.Services;
        services.AddStripeSandbox(builder.Configuration);
        services.AddOptions<StripeSandboxOptions>()
            .PostConfigure<StripeSandboxAddress, WebhookSigningSecrets, IConfiguration>((options, address, secrets, configuration) =>
            {
                // Stripe.net is given the same key, and the webhook endpoint checks the same secrets.
                options.ApiKey = address.ApiKey;
                options.WebhookSecret ??= secrets.Platform;
                options.ConnectWebhookSecret ??= secrets.Connect;
                options.PublicUrl ??= PublicUrl.Configured(configuration);
            });
        services.ConfigureWolverine(options => options.IncludeStripeSandbox());
    }

    /// <summary>Maps the sandbox's routes under <c>/stripe-sandbox</c> when it was added.</summary>
    public static void MapEmbeddedStripeSandbox(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IServiceProviderIsService>().IsService(typeof(SandboxSettings)))
        {
            app.MapStripeSandbox();
        }
    }
#endif
}
