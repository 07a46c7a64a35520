using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Messaging;

/// <summary>What operators see of the message pipeline itself: the dead-letter store, with replay.</summary>
public sealed class MessagingModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => DeadLetters.Map(app.MapApi("/admin", "Admin").RequireAuthorization(Policies.Admin));
}
