using Marketplace.Features.Platform;
using Marketplace.Infrastructure.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Infrastructure.Modules;

public sealed class FeatureModuleDiscoveryTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public void Every_feature_module_in_the_app_assembly_is_discovered()
    {
        var modules = FeatureModules.Discover(typeof(Program).Assembly);

        modules.ShouldContain(module => module is PlatformModule);
        modules.Select(module => module.GetType()).ShouldBeUnique();
    }

    [Fact]
    public void The_running_app_registered_and_mapped_the_discovered_modules()
    {
        var registered = Host.Services.GetRequiredService<IReadOnlyList<IFeatureModule>>();
        registered.ShouldContain(module => module is PlatformModule);

        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern.RawText)
            .ToList();
        routes.ShouldContain("/api/platform/settings");
        routes.ShouldContain("/api/platform/contact");
    }
}
