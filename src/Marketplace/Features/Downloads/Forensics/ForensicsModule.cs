using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Downloads.Forensics;

/// <summary>Leak tracing for people (<c>/api/forensics</c>); the tracer itself is registered by the downloads module.</summary>
public sealed class ForensicsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => TraceLeak.Map(app.MapApi("/forensics", "Forensics"));
}
