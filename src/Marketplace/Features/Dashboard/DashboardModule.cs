using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Dashboard;

/// <summary>The admins' dashboard: reads over orders, members, the moderation queue and the message pipeline; it writes nothing.</summary>
public sealed class DashboardModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => GetDashboard.Map(app.MapApi("/admin", "Admin").RequireAuthorization(Policies.Admin));
}
