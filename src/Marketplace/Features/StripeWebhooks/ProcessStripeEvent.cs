using Marketplace.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.Options;
using Stripe;
using Wolverine;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>Runs the handler of a stored event. <see cref="Replay"/> runs it even when it already succeeded.</summary>
public sealed record ProcessStripeEvent(string EventId, int Attempt = 1, bool Replay = false);

/// <summary>
/// Processes stored Stripe events from Wolverine's durable queue. The event's effects and its new status commit in
/// one transaction; the record's optimistic concurrency makes a concurrent second run of the same event lose and
/// retry, then find it processed. A failing handler is retried on a schedule, then the event is marked failed.
/// </summary>
public static class ProcessStripeEventHandler
{
    public static async Task HandleAsync(
        ProcessStripeEvent message, IDocumentSession session, IMessageContext messages, StripeEventHandlers handlers,
        IOptions<StripeWebhookOptions> options, TimeProvider clock, ILogger<StripeEventRecord> logger, CancellationToken ct)
    {
        var record = await session.LoadAsync<StripeEventRecord>(message.EventId, ct);
        if (record is null || (!message.Replay && record.Status is StripeEventStatus.Processed or StripeEventStatus.Ignored))
        {
            return;
        }

        record.Attempts++;
        var handler = handlers.For(record.Type);
        try
        {
            if (handler is not null)
            {
                var stripeEvent = EventUtility.ParseEvent(record.Payload, throwOnApiVersionMismatch: false);
                await handler.HandleAsync(stripeEvent, new StripeEventContext(session, messages, clock), ct);
            }

            record.Status = handler is null ? StripeEventStatus.Ignored : StripeEventStatus.Processed;
            record.Error = null;
            record.NextAttemptAt = null;
            record.ProcessedAt = clock.GetUtcNow();
        }
        catch (Exception e) when (!e.IsConcurrencyConflict() && !ct.IsCancellationRequested)
        {
            session.EjectAllPendingChanges();
            record.Error = $"{e.GetType().Name}: {e.Message}";
            var delays = options.Value.Delays;
            if (message.Attempt <= delays.Count)
            {
                var delay = delays[message.Attempt - 1];
                record.Status = StripeEventStatus.Retrying;
                record.NextAttemptAt = clock.GetUtcNow() + delay;
                await messages.ScheduleAsync(message with { Attempt = message.Attempt + 1 }, delay);
                logger.LogWarning(e, "Stripe event {EventId} ({Type}) failed on attempt {Attempt}; retrying in {Delay}", record.Id, record.Type, message.Attempt, delay);
            }
            else
            {
                record.Status = StripeEventStatus.Failed;
                record.NextAttemptAt = null;
                logger.LogError(e, "Stripe event {EventId} ({Type}) failed {Attempts} times; it waits for a replay", record.Id, record.Type, message.Attempt);
            }
        }

        session.Update(record);
    }
}
