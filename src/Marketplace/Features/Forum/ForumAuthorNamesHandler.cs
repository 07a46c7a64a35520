using Marketplace.Features.Accounts;
using Marten;
using Marketplace.Features.Forum.Notifications;
using Marten.Patching;

namespace Marketplace.Features.Forum;

/// <summary>
/// Posts, threads and notifications keep their author's display name, so lists render without a lookup per author;
/// these handlers re-sign them when the name changes or the account is deleted ("Deleted user").
/// </summary>
public static class ForumAuthorNamesHandler
{
    public const string DeletedAuthor = "Deleted user";

    /// <summary>Reads the account's current name, so renames processed out of order still end on the latest one.</summary>
    public static async Task HandleAsync(DisplayNameChanged changed, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<UserAccount>(changed.UserId, ct) is { DeletedAt: null } account)
        {
            Set(session, account.Id, account.DisplayName);
        }
    }

    /// <summary>A deleted member's posts and threads stay, signed "Deleted user"; their votes and flags go.</summary>
    public static void Handle(AccountDeleted deleted, IDocumentSession session)
    {
        Set(session, deleted.UserId, DeletedAuthor);
        session.DeleteWhere<PostVote>(v => v.MemberId == deleted.UserId);
        session.DeleteWhere<PostFlag>(f => f.MemberId == deleted.UserId);
    }

    private static void Set(IDocumentSession session, Guid authorId, string name)
    {
        session.Patch<ForumPost>(p => p.AuthorId == authorId).Set(p => p.AuthorName, name);
        session.Patch<ForumThread>(t => t.AuthorId == authorId).Set(t => t.AuthorName, name);
        session.Patch<ForumNotification>(n => n.ActorId == authorId).Set(n => n.ActorName, name);
    }
}
