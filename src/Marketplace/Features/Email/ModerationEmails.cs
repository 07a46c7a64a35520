using System.Globalization;

namespace Marketplace.Features.Email;

/// <summary>The mails of moderation: a member is told what was decided about them, why, and how to appeal.</summary>
public static class ModerationEmails
{
    public static EmailContent Suspended(string displayName, DateTimeOffset until, string reason, string contactUrl) =>
        EmailLayout.Render(
            subject: $"Your {EmailLayout.Brand} account is suspended",
            title: "Your account is suspended",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                $"A moderator suspended your account until {until.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. The reason given: {reason}",
                "Until then you can sign in, read the forum and download what you bought, but not post, sell or buy.",
                "If you think this is a mistake, tell us why: a different moderator reads every appeal.",
            ],
            action: new EmailCallToAction("Appeal", contactUrl));

    public static EmailContent ProductApproved(string displayName, string title, string productUrl) =>
        EmailLayout.Render(
            subject: $"{title} is in the catalog",
            title: "Your product was approved",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                $"A moderator approved {title}: it is published and buyers can find it now.",
            ],
            action: new EmailCallToAction("See it in the catalog", productUrl));

    public static EmailContent ProductRejected(string displayName, string title, string reason, string editorUrl) =>
        EmailLayout.Render(
            subject: $"{title} was not approved",
            title: "Your product was not approved",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                $"A moderator did not approve {title} for the catalog. The reason given: {reason}",
                "It is a draft again: change what the reason asks and publish it again for another review, or write to us from the contact page if you think this is a mistake.",
            ],
            action: new EmailCallToAction("Edit the product", editorUrl));

    public static EmailContent SuspensionLifted(string displayName, string forumUrl) =>
        EmailLayout.Render(
            subject: $"Your {EmailLayout.Brand} account is active again",
            title: "Your suspension is lifted",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                "A moderator lifted the suspension of your account: you can post, sell and buy again.",
            ],
            action: new EmailCallToAction("Go to the forum", forumUrl));

    public static EmailContent PostHidden(string displayName, string threadTitle, string? reason, string contactUrl, string? appealAddress) =>
        EmailLayout.Render(
            subject: $"Your post in \"{threadTitle}\" was hidden",
            title: "A moderator hid your post",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                $"Your post in the thread \"{threadTitle}\" is hidden: other members no longer see it.",
                reason is null ? "No reason was given." : $"The reason given: {reason}",
                appealAddress is null
                    ? $"If you think this is a mistake, tell us why on the contact page ({contactUrl}): a different moderator reads every appeal."
                    : $"If you think this is a mistake, tell us why on the contact page ({contactUrl}) or by writing to {appealAddress}: a different moderator reads every appeal.",
            ],
            action: new EmailCallToAction("Appeal", contactUrl));
}
