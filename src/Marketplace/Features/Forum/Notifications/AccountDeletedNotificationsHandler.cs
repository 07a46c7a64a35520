using Marketplace.Features.Accounts;
using Marketplace.Features.Forum.Watching;
using Marten;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// A deleted member stops following and being notified: their levels, read marks, notifications, settings and pending
/// digest go. Notifications others got of their posts stay, signed "Deleted user" like the posts (<see cref="ForumAuthorNamesHandler"/>).
/// </summary>
public static class AccountDeletedNotificationsHandler
{
    public static void Handle(AccountDeleted deleted, IDocumentSession session)
    {
        session.DeleteWhere<ThreadWatch>(w => w.MemberId == deleted.UserId);
        session.DeleteWhere<CategoryWatch>(w => w.MemberId == deleted.UserId);
        session.DeleteWhere<ThreadReadMark>(m => m.MemberId == deleted.UserId);
        session.DeleteWhere<ForumNotification>(n => n.MemberId == deleted.UserId);
        session.Delete<NotificationSettings>(deleted.UserId);
        session.Delete<PendingDigest>(deleted.UserId);
    }
}
