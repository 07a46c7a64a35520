using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// Stripe's webhooks: verified, stored once, sent as a typed message to the feature that applies them (ordinary
/// Wolverine handlers, retried and dead-lettered by <see cref="StripeEventFailurePolicy"/>), swept when stuck.
/// </summary>
public sealed class StripeWebhooksModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeWebhookOptions>().BindConfiguration(StripeWebhookOptions.Section);
        var retryDelays = (configuration.GetSection(StripeWebhookOptions.Section).Get<StripeWebhookOptions>() ?? new()).Delays;
        services.ConfigureWolverine(options => options.Policies.Add(new StripeEventFailurePolicy(retryDelays)));
        services.AddSingleton<StripeEventSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<StripeEventSweeper>());
        services.ConfigureMarten(options => options.Schema.For<StripeEventRecord>().Identity(x => x.Id)
            .Index(x => x.ReceivedAt).Index(x => x.Status).UseOptimisticConcurrency(true));
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        ReceiveStripeWebhook.Map(app);
        WebhookEventsAdmin.Map(app.MapApi("/admin", "Admin").RequireAuthorization(Policies.Admin));
    }
}
