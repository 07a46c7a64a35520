using Microsoft.Extensions.Options;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// Webhook deliveries being received on this node. Applying a stored event gives way to them: Stripe needs its
/// acknowledgement within seconds or it sends the event again, while applying it can wait. So a handler of an
/// <see cref="IStripeEventMessage"/> first waits for a lull in deliveries, at most <c>YieldToIntakeFor</c>: under a
/// burst, acknowledgements get the cores and the stored events are applied right after it; under a flood that never
/// pauses, each handler still runs after that bound (docs/architecture.md).
/// </summary>
public sealed class IntakeActivity(IOptions<StripeWebhookOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private int inFlight;

    public Delivery Receive()
    {
        Interlocked.Increment(ref inFlight);
        return new Delivery(this);
    }

    /// <summary>Answers once no delivery is in flight, or once the configured bound has passed.</summary>
    public async ValueTask WaitForLullAsync(CancellationToken ct)
    {
        var giveUpAt = clock.GetTimestamp() + (long)(options.Value.YieldToIntakeFor.TotalSeconds * clock.TimestampFrequency);
        while (Volatile.Read(ref inFlight) > 0 && clock.GetTimestamp() < giveUpAt)
        {
            await Task.Delay(Poll, clock, ct);
        }
    }

    public readonly struct Delivery(IntakeActivity activity) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref activity.inFlight);
    }
}
