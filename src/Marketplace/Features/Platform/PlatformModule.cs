using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Platform;

/// <summary>Site settings and the contact form: the marketplace's own identity and a line to its team.</summary>
public sealed class PlatformModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddSingleton<SiteSettingsReader>();
        services.ConfigureMarten(options =>
        {
            options.Schema.For<SiteSettings>().Identity(x => x.Id);
            options.Schema.For<ContactMessage>().Index(x => x.ReceivedAt);
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var platform = app.MapApi("/platform", "Platform");
        GetSiteSettings.Map(platform);
        SubmitContactMessage.Map(platform);
        if (app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            ListPageRoutes.Map(app.MapApi("/dev", "Development"));
        }
    }
}
