using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Seeding;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Payouts;

/// <summary>Getting sellers paid: Stripe Connect onboarding (Express), status, dashboard links, and the account and payout webhooks.</summary>
public sealed class PayoutsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ConnectedAccounts>();
        services.AddDemoData<DemoShop>();
        services.ConfigureMarten(options =>
        {
            options.Schema.For<ShopPayoutAccount>().Identity(x => x.ShopId).UniqueIndex(x => x.AccountId).UseOptimisticConcurrency(true);
            options.Schema.For<ShopPayout>().Identity(x => x.Id).Index(x => x.ShopId).UseOptimisticConcurrency(true);
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var payouts = app.MapApi("/shops/{shopId:guid}/payouts", "Payouts").RequireAuthorization(Policies.Member);
        StartOnboarding.Map(payouts);
        GetPayouts.Map(payouts);
        OpenDashboard.Map(payouts);
    }
}
