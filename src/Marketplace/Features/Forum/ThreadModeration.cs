using Marten;
using Wolverine.Marten;

namespace Marketplace.Features.Forum;

/// <summary>Moderators lock and unlock threads; readers see it live.</summary>
public static class ThreadModeration
{
    public static Task<IResult> LockAsync(Guid threadId, IDocumentSession session, IMartenOutbox outbox, CancellationToken ct) =>
        SetLockedAsync(threadId, locked: true, session, outbox, ct);

    public static Task<IResult> UnlockAsync(Guid threadId, IDocumentSession session, IMartenOutbox outbox, CancellationToken ct) =>
        SetLockedAsync(threadId, locked: false, session, outbox, ct);

    private static async Task<IResult> SetLockedAsync(Guid threadId, bool locked, IDocumentSession session, IMartenOutbox outbox, CancellationToken ct)
    {
        await ThreadWriter.LockThreadAsync(session, threadId, ct);
        var thread = await session.LoadAsync<ForumThread>(threadId, ct);
        if (thread is null)
        {
            return ForumProblems.ThreadNotFound();
        }

        if (thread.Locked != locked)
        {
            thread.Locked = locked;
            outbox.Enroll(session);
            session.Update(thread);
            await outbox.PublishAsync(new ThreadLockChanged(threadId, locked));
            await session.SaveChangesAsync(ct);
        }

        return TypedResults.NoContent();
    }
}
