using Marketplace.Infrastructure.Persistence;
using Marten;
using Wolverine.Attributes;

namespace Marketplace.Features.Downloads.Serving;

/// <summary>
/// The end of every request of a download link: its audit record, and the download it reserved counted (its last byte
/// was sent or handed over) or given back (the transfer broke off).
/// </summary>
[WolverineHandler]
public static class RecordAttempt
{
    public sealed record Command(DownloadAttempt Attempt, string? CopyId, Guid? Reservation);

    public static async Task HandleAsync(Command command, IDocumentSession session, CancellationToken ct)
    {
        if (command is { CopyId: { } copyId, Reservation: { } reservation })
        {
            await AdvisoryLocks.HoldAsync(session, DownloadAllowance.LockKey(copyId), ct);
            if (await session.LoadAsync<DownloadAllowance>(copyId, ct) is { } allowance && allowance.Reserved.Remove(reservation))
            {
                allowance.Completed += command.Attempt.Counted ? 1 : 0;
                session.Store(allowance);
            }
        }

        session.Insert(command.Attempt);
    }
}
