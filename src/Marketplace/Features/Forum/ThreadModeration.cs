using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Forum;

/// <summary>Moderators lock and unlock threads; readers see it live.</summary>
[WolverineHandler]
public static class ThreadModeration
{
    public sealed record SetLocked(Guid ThreadId, bool Locked, AuditActor Actor, string? Reason);

    public static Task<IResult> LockAsync(Guid threadId, IMessageBus bus, HttpContext http) =>
        SetAsync(threadId, locked: true, bus, http);

    public static Task<IResult> UnlockAsync(Guid threadId, IMessageBus bus, HttpContext http) =>
        SetAsync(threadId, locked: false, bus, http);

    private static async Task<IResult> SetAsync(Guid threadId, bool locked, IMessageBus bus, HttpContext http)
    {
        var (reason, problem) = await ModerationNote.ReadAsync(http.Request);
        return problem ?? await ExecuteAsync(threadId, locked, AuditActor.Of(http.User), reason, bus, http.RequestAborted);
    }

    /// <summary>The use case, for the API and the thread page's form.</summary>
    public static Task<IResult> ExecuteAsync(Guid threadId, bool locked, AuditActor actor, string? reason, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new SetLocked(threadId, locked, actor, reason), ct, UseCases.InvokeTimeout);

    /// <summary>A change commits with its live update; a repeat changes nothing.</summary>
    public static async Task<(IResult, OutgoingMessages)> HandleAsync(SetLocked command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        await ThreadWriter.LockThreadAsync(session, command.ThreadId, ct);
        var thread = await session.LoadAsync<ForumThread>(command.ThreadId, ct);
        if (thread is null)
        {
            return (ForumProblems.ThreadNotFound(), []);
        }

        if (thread.Locked == command.Locked)
        {
            return (TypedResults.NoContent(), []);
        }

        thread.Locked = command.Locked;
        session.Update(thread);
        AuditTrail.Record(session, command.Actor, command.Locked ? "thread.lock" : "thread.unlock", "thread", $"{thread.Id}", command.Reason,
            new() { ["locked"] = $"{!command.Locked}".ToLowerInvariant() }, new() { ["locked"] = $"{command.Locked}".ToLowerInvariant() }, clock.GetUtcNow());
        return (TypedResults.NoContent(), [new ThreadLockChanged(command.ThreadId, command.Locked)]);
    }
}
