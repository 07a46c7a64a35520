using Marketplace.Features.Accounts;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>A deleted member's posts and threads stay, signed "Deleted user"; their votes and flags go.</summary>
public static class AccountDeletedForumHandler
{
    public const string DeletedAuthor = "Deleted user";

    public static async Task HandleAsync(AccountDeleted deleted, IDocumentSession session, CancellationToken ct)
    {
        foreach (var post in await session.Query<ForumPost>().Where(p => p.AuthorId == deleted.UserId).ToListAsync(ct))
        {
            post.AuthorName = DeletedAuthor;
            session.Update(post);
        }

        foreach (var thread in await session.Query<ForumThread>().Where(t => t.AuthorId == deleted.UserId).ToListAsync(ct))
        {
            thread.AuthorName = DeletedAuthor;
            session.Update(thread);
        }

        session.DeleteWhere<PostVote>(v => v.MemberId == deleted.UserId);
        session.DeleteWhere<PostFlag>(f => f.MemberId == deleted.UserId);
    }
}
