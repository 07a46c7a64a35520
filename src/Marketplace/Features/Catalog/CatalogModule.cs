using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Seeding;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Catalog;

/// <summary>Products, their files and covers, and the public catalog with its search.</summary>
public sealed class CatalogModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.Section));
        services.AddScoped<ProductFileUploads>();
        services.AddDemoData<CatalogDemoData>();
        services.AddHostedService<CatalogListingRefresh>();
        services.ConfigureMarten(options =>
        {
            options.Schema.For<Product>().Index(x => x.ShopId).UseOptimisticConcurrency(true);
            options.Schema.For<ProductCover>();
            options.Storage.ExtendedSchemaObjects.Add(new Weasel.Postgresql.Extension("pg_trgm"));
            options.Storage.ExtendedSchemaObjects.Add(CatalogListings.Schema());
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var shops = app.MapApi("/shops", "Catalog");
        CreateProduct.Map(shops);
        ListShopProducts.Map(shops);

        var products = app.MapApi("/products", "Catalog");
        SearchProducts.Map(products);
        GetProduct.Map(products);
        UpdateProduct.Map(products);
        PublishProduct.Map(products);
        UnpublishProduct.Map(products);
        SetProductCover.Map(products);
        UploadProductFile.Map(products);
        ReplaceProductFile.Map(products);
        SetProductFileSettings.Map(products);
        DeleteProductFile.Map(products);
        ReorderProductFiles.Map(products);
    }
}
