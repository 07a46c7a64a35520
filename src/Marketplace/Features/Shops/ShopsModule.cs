using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Shops;

/// <summary>Sellers' shops: opening, editing, logo, public page data.</summary>
public sealed class ShopsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.ConfigureMarten(options =>
        {
            options.Schema.For<Shop>().UniqueIndex(x => x.Slug).UniqueIndex(x => x.OwnerId).UseOptimisticConcurrency(true);
            options.Schema.For<ShopLogo>();
        });

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var shops = app.MapApi("/shops", "Shops");
        OpenShop.Map(shops);
        GetShop.Map(shops);
        UpdateShop.Map(shops);
        UploadShopLogo.Map(shops);
    }
}
