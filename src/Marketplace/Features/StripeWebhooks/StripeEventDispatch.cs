using Wolverine;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>Sends a stored event on to the feature that applies it, or marks it ignored when none does.</summary>
public static class StripeEventDispatch
{
    /// <summary>
    /// Publishes the event's message through <paramref name="bus"/> (an outbox the caller commits with the record) and
    /// answers true; or marks the record ignored, for the caller to store, and answers false.
    /// </summary>
    public static async ValueTask<bool> DispatchAsync(IMessageBus bus, StripeEventRecord record, TimeProvider clock)
    {
        if (StripeEventRoutes.MessageFor(record) is { } message)
        {
            await bus.PublishAsync(message);
            return true;
        }

        record.Status = StripeEventStatus.Ignored;
        record.ProcessedAt = clock.GetUtcNow();
        return false;
    }
}
