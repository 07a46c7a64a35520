using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>Stripe's webhooks: verified, stored once, processed by idempotent handlers that features register.</summary>
public sealed class StripeWebhooksModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeWebhookOptions>().BindConfiguration(StripeWebhookOptions.Section);
        services.AddScoped<StripeEventHandlers>();
        services.ConfigureWolverine(options => options.CodeGeneration.AlwaysUseServiceLocationFor<StripeEventHandlers>());
        services.ConfigureMarten(options => options.Schema.For<StripeEventRecord>().Identity(x => x.Id)
            .Index(x => x.ReceivedAt).Index(x => x.Status).UseOptimisticConcurrency(true));
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        ReceiveStripeWebhook.Map(app);
        WebhookEventsAdmin.Map(app.MapApi("/admin", "Admin").RequireAuthorization(Policies.Admin));
    }
}
