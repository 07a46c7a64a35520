using JasperFx.Events.Projections;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Sales;

/// <summary>The sellers' sales (an inline projection of the orders' money events), their view of their orders, and the admins' order search.</summary>
public sealed class SalesModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.ConfigureMarten(options =>
        {
            options.Schema.For<ShopSalesEntry>().Index(x => x.ShopId).Index(x => x.Day);
            options.Projections.Add(new ShopSalesProjection(), ProjectionLifecycle.Inline);
            options.Schema.For<OrderStripeReference>();
            options.Projections.Add(new OrderStripeReferenceProjection(), ProjectionLifecycle.Inline);
        });

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var shops = app.MapApi("/shops", "Sales").RequireAuthorization(Policies.Member);
        GetShopSales.Map(shops);
        GetShopOrders.Map(shops);
        SearchOrders.Map(app.MapApi("/admin", "Admin").RequireAuthorization(Policies.Admin));
    }
}
