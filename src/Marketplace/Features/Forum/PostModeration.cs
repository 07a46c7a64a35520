using Marketplace.Features.Forum.Notifications;
using Marten;
using Wolverine.Marten;

namespace Marketplace.Features.Forum;

/// <summary>A post was hidden or restored by a moderator.</summary>
public sealed record PostVisibilityChanged(Guid PostId, Guid ThreadId, long Seq, bool Hidden);

/// <summary>Moderators hide and restore posts; members stop (or start again) seeing them, live.</summary>
public static class PostModeration
{
    public static Task<IResult> HideAsync(Guid postId, IDocumentSession session, IMartenOutbox outbox, CancellationToken ct) =>
        SetHiddenAsync(postId, hidden: true, session, outbox, ct);

    public static Task<IResult> RestoreAsync(Guid postId, IDocumentSession session, IMartenOutbox outbox, CancellationToken ct) =>
        SetHiddenAsync(postId, hidden: false, session, outbox, ct);

    private static async Task<IResult> SetHiddenAsync(Guid postId, bool hidden, IDocumentSession session, IMartenOutbox outbox, CancellationToken ct)
    {
        var post = await session.LoadAsync<ForumPost>(postId, ct);
        if (post is null)
        {
            return ForumProblems.PostNotFound();
        }

        if (post.Hidden != hidden)
        {
            post.Hidden = hidden;
            outbox.Enroll(session);
            session.Update(post);
            await outbox.PublishAsync(new PostVisibilityChanged(post.Id, post.ThreadId, post.Seq, hidden));
            await outbox.PublishAsync(new PostNotificationsVisibility(post.Id, hidden));
            await session.SaveChangesAsync(ct);
        }

        return TypedResults.NoContent();
    }
}
