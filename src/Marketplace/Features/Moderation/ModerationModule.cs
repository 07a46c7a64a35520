using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation.Trust;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Seeding;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Features.Moderation;

/// <summary>Moderation and trust: the audit log of every staff action, member and shop suspensions, product takedowns.</summary>
public sealed class ModerationModule : IFeatureModule
{
    /// <summary>Queue items still open, as the admin dashboard counts them (written as PostgreSQL prints it).</summary>
    public const string OpenQueueItemPredicate = "(data ->> 'ResolvedAt'::text) IS NULL";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MemberSuspensions>();
        services.AddDemoData<TrustDemoData>();
        services.AddOptions<ModerationOptions>().Bind(configuration.GetSection(ModerationOptions.Section));
        services.AddOptions<TrustOptions>().Bind(configuration.GetSection(TrustOptions.Section));
        services.ConfigureMarten(options =>
        {
            options.Schema.For<AuditEntry>().Index(x => x.At).Index(x => x.ActorId).Index(x => x.Action).Index(x => x.TargetId);
            options.Schema.For<MemberSuspension>();
            options.Schema.For<MemberTrust>();
            options.Schema.For<QueueItem>().Identity(x => x.Id).Index(x => x.OpenedAt)
                .Index(x => x.Kind, index => { index.Name = "mt_doc_queueitem_idx_open_kind"; index.Predicate = OpenQueueItemPredicate; });
            options.Schema.For<ProductReport>().Identity(x => x.Id).Index(x => x.ProductId).Index(x => x.MemberId);
        });

        // The pages a suspended member may still post to: signing in and out, their account, the contact form, and the
        // error page (a refused form post is re-executed there, still a POST).
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AddPageApplicationModelConvention("/Error", page => page.EndpointMetadata.Add(new AllowedWhileSuspendedAttribute()));
            options.Conventions.AddFolderApplicationModelConvention("/Account", page => page.EndpointMetadata.Add(new AllowedWhileSuspendedAttribute()));
            options.Conventions.AddPageApplicationModelConvention("/Contact", page => page.EndpointMetadata.Add(new AllowedWhileSuspendedAttribute()));
        });
    }

    public void UseMiddleware(IApplicationBuilder app) => app.UseMiddleware<SuspensionCheck>();

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var admin = app.MapApi("/admin", "Admin").RequireAuthorization(Policies.Admin);
        GetAuditLog.Map(admin);
        SuspendShop.Map(admin);
        var users = app.MapApi("/moderation/users", "Moderation").RequireAuthorization(Policies.Moderator);
        SuspendMember.Map(users);
        SetTrustLevel.Map(users);
        TakeDownProduct.Map(app.MapApi("/moderation/products", "Moderation").RequireAuthorization(Policies.Moderator));
        var queue = app.MapApi("/moderation/queue", "Moderation").RequireAuthorization(Policies.Moderator);
        GetModerationQueue.Map(queue);
        ClaimQueueItem.Map(queue);
        ResolveQueueItem.Map(queue);
        ReportProduct.Map(app.MapApi("/products", "Catalog"));
    }
}
