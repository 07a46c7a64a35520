using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>Absolute forum addresses for mail sent from handlers, on <c>Site:PublicUrl</c> (<see cref="PublicUrl"/>).</summary>
public sealed class ForumLinks(IServiceProvider services)
{
    public const string NotificationsPage = "/forum/notifications";

    public string Post(Guid threadId, long seq) => $"{PublicUrl.Of(services)}/forum/threads/{threadId}#post-{seq}";

    public string Notifications => $"{PublicUrl.Of(services)}{NotificationsPage}";

    public string DigestSettings => $"{Notifications}#digest-settings";
}
