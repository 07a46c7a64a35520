using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum.Watching;

/// <summary><c>PUT /api/forum/threads/{threadId}/watch {level}</c>: the caller's level on one thread, overriding the category's.</summary>
public static class WatchThread
{
    public sealed record Response(Guid ThreadId, string Level);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/threads/{threadId:guid}/watch", HandleAsync).Validate<WatchRequest>()
            .RequireAuthorization(Policies.Member).WithName("WatchThread")
            .WithSummary("Sets how closely the caller follows a thread: watching, tracking, normal or muted.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> HandleAsync(Guid threadId, WatchRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        WatchLevels.TryParse(request.Level, out var level);
        return await ExecuteAsync(threadId, ForumActor.Of(http.User)!.Id, level, session, clock, http.RequestAborted)
            ? TypedResults.Ok(new Response(threadId, level.Name()))
            : ForumProblems.ThreadNotFound();
    }

    /// <summary>False when there is no such thread. Holds the thread's lock, as replies do (<see cref="PostingDefaults"/>).</summary>
    public static async Task<bool> ExecuteAsync(Guid threadId, Guid memberId, WatchLevel level, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        await ThreadWriter.LockThreadAsync(session, threadId, ct);
        if (await session.LoadAsync<ForumThread>(threadId, ct) is null)
        {
            return false;
        }

        session.Store(new ThreadWatch
        {
            Id = ThreadWatch.IdOf(memberId, threadId), MemberId = memberId, ThreadId = threadId, Level = level, UpdatedAt = clock.GetUtcNow(),
        });
        await session.SaveChangesAsync(ct);
        return true;
    }
}
