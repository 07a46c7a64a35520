using Marketplace.Features.Accounts;
using Marketplace.Features.Email;
using Marten;
using Marten.Patching;
using Wolverine;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// Mails a member one digest of their notifications that are still unread and not mailed yet, and marks them mailed.
/// Nothing goes to a deleted or unconfirmed account or a member who turned digests off, and nothing when everything
/// was read in the meantime. The mail cascades through the outbox under this envelope's id, so a redelivery sends none.
/// </summary>
public static class SendNotificationDigestHandler
{
    private const int MaximumGathered = 200;

    public static async Task<SendEmail?> HandleAsync(
        SendNotificationDigest message, IDocumentSession session, ForumLinks links, TimeProvider clock, Envelope envelope, CancellationToken ct)
    {
        await NotificationLocks.TakeAsync(session, [NotificationLocks.Digest(message.MemberId)], ct);
        session.Delete<PendingDigest>(message.MemberId);
        var account = await session.LoadAsync<UserAccount>(message.MemberId, ct);
        var settings = await session.LoadAsync<NotificationSettings>(message.MemberId, ct);
        if (account is not { DeletedAt: null, EmailConfirmed: true, Email: { } email } || settings is { EmailDigest: false })
        {
            return null;
        }

        var due = await session.Query<ForumNotification>()
            .Where(n => n.MemberId == message.MemberId && n.ReadAt == null && n.EmailedAt == null && !n.Withdrawn)
            .OrderBy(n => n.CreatedAt).Take(MaximumGathered).ToListAsync(ct);
        if (due.Count == 0)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        foreach (var notification in due)
        {
            session.Patch<ForumNotification>(notification.Id).Set(n => n.EmailedAt, now);
        }

        var mail = ForumEmails.Digest(account.DisplayName, due, links);
        return new SendEmail(envelope.Id, email, mail.Subject, mail.Text, mail.Html);
    }
}
