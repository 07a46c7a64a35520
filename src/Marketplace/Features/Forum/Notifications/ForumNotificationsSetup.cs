using Marketplace.Features.Accounts;
using Marketplace.Features.Forum.Watching;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>Watching levels, read marks and notifications: their services, documents and routes, for <see cref="ForumModule"/>.</summary>
public static class ForumNotificationsSetup
{
    public static void AddForumNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<ForumLinks>();
        services.AddScoped<ThreadReading>();
        services.ConfigureMarten(options =>
        {
            options.Schema.For<ThreadWatch>().Identity(x => x.Id).Index(x => x.ThreadId).Index(x => x.MemberId);
            options.Schema.For<CategoryWatch>().Identity(x => x.Id).Index(x => x.CategoryId).Index(x => x.MemberId);
            options.Schema.For<ThreadReadMark>().Identity(x => x.Id).Index(x => x.MemberId);
            options.Schema.For<ForumNotification>().Identity(x => x.Id).Index(x => x.MemberId).Index(x => x.PostId).Index(x => x.ActorId);
            options.Schema.For<NotificationSettings>();
            options.Schema.For<PendingDigest>();
        });
    }

    /// <summary>Watching and quoting under the forum's group; the caller's notifications under <c>/api/forum/notifications</c>.</summary>
    public static void MapForumNotifications(this IEndpointRouteBuilder app, RouteGroupBuilder forum)
    {
        WatchThread.Map(forum);
        WatchCategory.Map(forum);
        QuotePost.Map(forum);

        var notifications = app.MapApi("/forum/notifications", "Forum").RequireAuthorization(Policies.Member);
        ListNotifications.Map(notifications);
        MarkNotificationsRead.Map(notifications);
        GetNotificationSettings.Map(notifications);
        ChangeNotificationSettings.Map(notifications);
    }
}
