using Marketplace.Features.Moderation;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>
/// <c>POST /api/moderation/threads/{threadId}/pin</c> and <c>/unpin</c> (moderators): pinned threads come first in their
/// category.
/// </summary>
public static class PinThread
{
    public static void Map(RouteGroupBuilder moderation)
    {
        moderation.MapPost("/{threadId:guid}/pin", (Guid threadId, IDocumentSession session, TimeProvider clock, HttpContext http) => HandleAsync(threadId, true, session, clock, http))
            .WithName("PinThread").WithSummary("Pins a thread to the top of its category. 204.").ProducesProblem(StatusCodes.Status404NotFound);
        moderation.MapPost("/{threadId:guid}/unpin", (Guid threadId, IDocumentSession session, TimeProvider clock, HttpContext http) => HandleAsync(threadId, false, session, clock, http))
            .WithName("UnpinThread").WithSummary("Unpins a thread. 204.").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> HandleAsync(Guid threadId, bool pinned, IDocumentSession session, TimeProvider clock, HttpContext http) =>
        await ExecuteAsync(threadId, pinned, AuditActor.Of(http.User), session, clock, http.RequestAborted) ? TypedResults.NoContent() : ForumProblems.ThreadNotFound();

    /// <summary>False when there is no such thread. Holds the thread's lock, so a concurrent reply's update is not lost.</summary>
    public static async Task<bool> ExecuteAsync(Guid threadId, bool pinned, AuditActor actor, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        await ThreadWriter.LockThreadAsync(session, threadId, ct);
        var thread = await session.LoadAsync<ForumThread>(threadId, ct);
        if (thread is null)
        {
            return false;
        }

        if (thread.Pinned != pinned)
        {
            thread.Pinned = pinned;
            session.Update(thread);
            AuditTrail.Record(session, actor, pinned ? "thread.pin" : "thread.unpin", "thread", $"{thread.Id}", null,
                new() { ["pinned"] = $"{!pinned}".ToLowerInvariant() }, new() { ["pinned"] = $"{pinned}".ToLowerInvariant() }, clock.GetUtcNow());
            await session.SaveChangesAsync(ct);
        }

        return true;
    }
}
