using Marketplace.Features.Email;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>The forum's mail: the digest of a member's unread notifications.</summary>
public static class ForumEmails
{
    public const int ListedInDigest = 20;

    /// <summary>One mail for the notifications gathered since the digest was scheduled, each linking to its post.</summary>
    public static EmailContent Digest(string displayName, IReadOnlyList<ForumNotification> notifications, ForumLinks links)
    {
        var views = notifications.Select(NotificationView.Of).ToList();
        var first = views[0];
        var more = views.Count - ListedInDigest;
        return EmailLayout.Render(
            subject: views.Count == 1 ? $"{first.Summary} in “{first.ThreadTitle}”" : $"{views.Count} new notifications in the {EmailLayout.Brand} forum",
            title: "New in the forum",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                views.Count == 1 ? "There is something for you in the forum:" : "Here is what happened in the forum for you:",
                more > 0 ? $"…and {more} more on your notifications page." : "",
            ],
            items: [.. views.Take(ListedInDigest).Select(n => new EmailListItem($"{n.Summary} in “{n.ThreadTitle}”", links.Post(n.ThreadId, n.Seq), n.Excerpt))],
            action: new EmailCallToAction("Open your notifications", links.Notifications),
            secondary: new EmailCallToAction("Stop these emails", links.DigestSettings));
    }
}
