namespace Marketplace.Infrastructure.Modules;

/// <summary>
/// One capability of the marketplace. Each <c>Features/&lt;Feature&gt;/&lt;Feature&gt;Module.cs</c> implements this and is
/// discovered at start-up: it registers its services and Marten configuration, then maps its endpoints.
/// </summary>
public interface IFeatureModule
{
    /// <summary>Registers services, options and Marten configuration (through <c>services.ConfigureMarten</c>).</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Adds middleware that runs after authentication and before authorization (most features need none).</summary>
    void UseMiddleware(IApplicationBuilder app)
    {
    }

    /// <summary>Maps the feature's HTTP endpoints (and hubs).</summary>
    void MapEndpoints(IEndpointRouteBuilder app);
}
