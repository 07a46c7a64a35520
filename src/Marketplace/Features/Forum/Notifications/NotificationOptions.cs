namespace Marketplace.Features.Forum.Notifications;

/// <summary><c>Forum:Notifications:*</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Forum:Notifications";

    /// <summary>How long after a member's first unmailed notification their digest mail goes out, gathering what follows.</summary>
    public TimeSpan DigestDelay { get; set; } = TimeSpan.FromMinutes(10);
}
