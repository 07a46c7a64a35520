using System.Reflection;
using Marketplace.Infrastructure.Payments;

namespace Marketplace.Infrastructure.Modules;

/// <summary>Finds every <see cref="IFeatureModule"/> in the app's assembly, so adding a feature means adding a folder.</summary>
public static class FeatureModules
{
    public static IReadOnlyList<IFeatureModule> Discover(Assembly assembly) =>
        [.. assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IFeatureModule).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (IFeatureModule)Activator.CreateInstance(type)!)];

    public static IReadOnlyList<IFeatureModule> AddFeatureModules(this WebApplicationBuilder builder)
    {
        var modules = Discover(typeof(FeatureModules).Assembly);
        foreach (var module in modules)
        {
            module.AddServices(builder.Services, builder.Configuration);
        }

        builder.Services.AddSingleton(modules);
        return modules;
    }

    public static void UseFeatureMiddleware(this IApplicationBuilder app)
    {
        foreach (var module in app.ApplicationServices.GetRequiredService<IReadOnlyList<IFeatureModule>>())
        {
            module.UseMiddleware(app);
        }
    }

    public static void MapFeatureModules(this WebApplication app)
    {
        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<IFeatureModule>>())
        {
            module.MapEndpoints(app);
        }

        app.MapEmbeddedStripeSandbox();
    }
}
