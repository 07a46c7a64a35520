using System.Collections.Concurrent;
using System.Threading.Channels;
using Wolverine.Runtime;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// This node's in-memory queue of stored events to apply: takes an event's message from the receiver (no work on the
/// acknowledgement's path but a channel write), hands it to Wolverine's <c>stripe-events</c> queue once webhook
/// deliveries pause (<see cref="StripeEventDispatcher"/>), and remembers which events it holds until their handler is
/// done, so that the <see cref="StripeEventSweeper"/> re-sends only what no message on this node will run.
/// </summary>
public sealed class StripeEventQueue(IntakeActivity intake, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, byte> held = new(StringComparer.Ordinal);
    private readonly Channel<IStripeEventMessage> waiting = Channel.CreateUnbounded<IStripeEventMessage>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Queues the event's message and answers true; or marks the record ignored, for the caller to store, and answers
    /// false. Call it once the record is committed.
    /// </summary>
    public bool Send(StripeEventRecord record)
    {
        if (StripeEventRoutes.MessageFor(record) is not { } message)
        {
            record.Status = StripeEventStatus.Ignored;
            record.ProcessedAt = clock.GetUtcNow();
            return false;
        }

        held[record.Id] = 0;
        return waiting.Writer.TryWrite(message);
    }

    /// <summary>Waits for a lull in webhook deliveries before an event is handed on or applied (<see cref="IntakeActivity"/>).</summary>
    public ValueTask WaitForTurnAsync(CancellationToken ct) => intake.WaitForLullAsync(ct);

    public bool Holds(string eventId) => held.ContainsKey(eventId);

    /// <summary>The event's handler is done with it: applied, found done already, or failed for good.</summary>
    public void Release(string eventId) => held.TryRemove(eventId, out _);

    internal ChannelReader<IStripeEventMessage> Waiting => waiting.Reader;
}

/// <summary>Publishes the queued messages to Wolverine, each after a lull in deliveries (at most the configured wait).</summary>
public sealed partial class StripeEventDispatcher(StripeEventQueue queue, IWolverineRuntime runtime, ILogger<StripeEventDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bus = new MessageBus(runtime);
        await foreach (var message in queue.Waiting.ReadAllAsync(stoppingToken))
        {
            try
            {
                await queue.WaitForTurnAsync(stoppingToken);
                await bus.PublishAsync(message);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The record stays waiting; the sweeper sends it again.
                queue.Release(message.EventId);
                LogFailed(logger, message.EventId, e);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Handing Stripe event {EventId} to its handler failed; the sweeper will send it again")]
    private static partial void LogFailed(ILogger logger, string eventId, Exception exception);
}
