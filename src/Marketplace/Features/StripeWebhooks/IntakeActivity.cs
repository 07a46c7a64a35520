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

    /// <summary>
    /// A lull is this long without a new delivery, not a moment with none in flight: during a burst the count drops to
    /// zero between one answer and the next request many times a second.
    /// </summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private int inFlight;
    private long lastReceivedAt;

    public Delivery Receive()
    {
        Interlocked.Increment(ref inFlight);
        Volatile.Write(ref lastReceivedAt, clock.GetTimestamp());
        return new Delivery(this);
    }

    /// <summary>Answers once no delivery has been in flight or arrived for a moment, or once the configured bound has passed.</summary>
    public async ValueTask WaitForLullAsync(CancellationToken ct)
    {
        var giveUpAt = clock.GetTimestamp() + Ticks(options.Value.YieldToIntakeFor);
        while (!IsQuiet() && clock.GetTimestamp() < giveUpAt)
        {
            await Task.Delay(Poll, clock, ct);
        }
    }

    private bool IsQuiet() =>
        Volatile.Read(ref inFlight) == 0 && clock.GetTimestamp() - Volatile.Read(ref lastReceivedAt) >= Ticks(Quiet);

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);

    public readonly struct Delivery(IntakeActivity activity) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref activity.inFlight);
    }
}
