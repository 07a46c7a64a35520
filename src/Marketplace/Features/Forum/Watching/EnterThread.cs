using Marketplace.Infrastructure.Persistence;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Forum.Watching;

/// <summary>A signed-in member opened a thread for the first time (its page, or over the hub): trust counts it.</summary>
public sealed record ThreadEntered(Guid MemberId, Guid ThreadId);

/// <summary>
/// A member's first read of a thread: makes their read mark and publishes <see cref="ThreadEntered"/> in one commit.
/// <see cref="ThreadReading"/> invokes it only when the member has no mark there, so later visits cost nothing more.
/// </summary>
[WolverineHandler]
public static class EnterThread
{
    public sealed record Command(Guid MemberId, Guid ThreadId, long Seq);

    public static async Task<OutgoingMessages> HandleAsync(Command command, IDocumentSession session, CancellationToken ct)
    {
        var id = ThreadReadMark.IdOf(command.MemberId, command.ThreadId);
        await AdvisoryLocks.HoldAsync(session, $"read:{id}", ct); // two first visits at once count once
        if (await session.LoadAsync<ThreadReadMark>(id, ct) is not null)
        {
            return [];
        }

        session.Store(new ThreadReadMark { Id = id, MemberId = command.MemberId, ThreadId = command.ThreadId, LastReadSeq = command.Seq });
        return [new ThreadEntered(command.MemberId, command.ThreadId)];
    }
}
