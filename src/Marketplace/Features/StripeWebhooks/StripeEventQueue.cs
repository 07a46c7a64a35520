using System.Collections.Concurrent;
using Wolverine;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// This node's in-memory queue of stored events to apply (the <c>stripe-events</c> local queue): sends an event's
/// message to the feature that applies it, and remembers which events it holds until their handler is done, so that
/// the <see cref="StripeEventSweeper"/> re-sends only what no message on this node will run.
/// </summary>
public sealed class StripeEventQueue(IntakeActivity intake, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, byte> held = new(StringComparer.Ordinal);

    /// <summary>
    /// Publishes the event's message and answers true; or marks the record ignored, for the caller to store, and
    /// answers false. Call it once the record is committed: the message runs at once.
    /// </summary>
    public async ValueTask<bool> SendAsync(IMessageBus bus, StripeEventRecord record)
    {
        if (StripeEventRoutes.MessageFor(record) is not { } message)
        {
            record.Status = StripeEventStatus.Ignored;
            record.ProcessedAt = clock.GetUtcNow();
            return false;
        }

        held[record.Id] = 0;
        await bus.PublishAsync(message);
        return true;
    }

    /// <summary>Waits for a lull in webhook deliveries before an event is applied (<see cref="IntakeActivity"/>).</summary>
    public ValueTask WaitForTurnAsync(CancellationToken ct) => intake.WaitForLullAsync(ct);

    public bool Holds(string eventId) => held.ContainsKey(eventId);

    /// <summary>The event's handler is done with it: applied, found done already, or failed for good.</summary>
    public void Release(string eventId) => held.TryRemove(eventId, out _);
}
