using Marten;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>What every handler of an <see cref="IStripeEventMessage"/> does with the event's record.</summary>
public static class StripeEventRecords
{
    /// <summary>
    /// The record to apply, or null when there is nothing to do (unknown, or already processed or ignored: a duplicate
    /// message). Its optimistic concurrency makes two concurrent runs of one event conflict, and the loser retry.
    /// Waits first for its turn (<see cref="StripeEventQueue.WaitForTurnAsync"/>).
    /// </summary>
    public static async Task<StripeEventRecord?> BeginAsync(IDocumentSession session, StripeEventQueue queue, string eventId, CancellationToken ct)
    {
        await queue.WaitForTurnAsync(ct);
        var record = await session.LoadAsync<StripeEventRecord>(eventId, ct);
        if (record is null || record.Status is StripeEventStatus.Processed or StripeEventStatus.Ignored)
        {
            queue.Release(eventId);
            return null;
        }

        record.Attempts++;
        return record;
    }

    /// <summary>Marks the record processed, in the transaction that commits the handler's effects.</summary>
    public static void Complete(IDocumentSession session, StripeEventQueue queue, StripeEventRecord record, TimeProvider clock)
    {
        queue.Release(record.Id);
        record.Status = StripeEventStatus.Processed;
        record.Error = null;
        record.NextAttemptAt = null;
        record.ProcessedAt = clock.GetUtcNow();
        session.Update(record);
    }
}
