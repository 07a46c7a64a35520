using Marketplace.Infrastructure.Persistence;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Forum;

/// <summary>Moderators lock and unlock threads; readers see it live.</summary>
[WolverineHandler]
public static class ThreadModeration
{
    public sealed record SetLocked(Guid ThreadId, bool Locked);

    public static Task<IResult> LockAsync(Guid threadId, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new SetLocked(threadId, Locked: true), ct, UseCases.InvokeTimeout);

    public static Task<IResult> UnlockAsync(Guid threadId, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new SetLocked(threadId, Locked: false), ct, UseCases.InvokeTimeout);

    /// <summary>A change commits with its live update; a repeat changes nothing.</summary>
    public static async Task<(IResult, OutgoingMessages)> HandleAsync(SetLocked command, IDocumentSession session, CancellationToken ct)
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
        return (TypedResults.NoContent(), [new ThreadLockChanged(command.ThreadId, command.Locked)]);
    }
}
