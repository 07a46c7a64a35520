using Marten;
using Wolverine;

namespace Marketplace.StripeSandbox.Events;

/// <summary>
/// Delivers sandbox events to the webhook endpoint from Wolverine's durable queue. A round that gets no 2xx answer
/// (or that the fail-first fault discards) is retried after the next of <see cref="SandboxSettings.RetryDelays"/>,
/// scheduled in the same transaction that records the attempt; after the last one the event is abandoned.
/// A round already recorded is not sent again, so a redelivered message changes nothing.
/// </summary>
public static class DeliverSandboxEventHandler
{
    public static async Task HandleAsync(
        DeliverSandboxEvent message, IDocumentSession session, IMessageContext bus, WebhookSender sender, SandboxFaults faults,
        SandboxSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var stripeEvent = await session.LoadAsync<SandboxEvent>(message.EventId, ct);
        if (stripeEvent is null || stripeEvent.DeliveredAt is not null || stripeEvent.Attempts.Any(a => a.Round >= message.Round))
        {
            return;
        }

        var delivery = new Delivery(session, bus, sender, settings, clock);
        if (message.FaultsApplied)
        {
            await delivery.SendRoundAsync(stripeEvent, message.Round, ct);
            return;
        }

        var plan = faults.PlanFirstRound();
        if (plan.Delay > TimeSpan.Zero)
        {
            session.Store(Planned(stripeEvent, plan));
            await bus.ScheduleAsync(message with { FaultsApplied = true }, plan.Delay);
            return;
        }

        var batch = faults.OfferForReorder(stripeEvent.Id, stripeEvent.CreatedAt);
        if (batch is null)
        {
            await delivery.SendRoundAsync(Planned(stripeEvent, plan), 1, ct);
            return;
        }

        foreach (var eventId in batch)
        {
            var held = eventId == stripeEvent.Id ? stripeEvent : await session.LoadAsync<SandboxEvent>(eventId, ct);
            if (held is not null && held.Attempts.Count == 0)
            {
                await delivery.SendRoundAsync(Planned(held, plan), 1, ct);
            }
        }
    }

    private static SandboxEvent Planned(SandboxEvent stripeEvent, SandboxFaults.Plan plan)
    {
        stripeEvent.Copies = Math.Max(1, plan.Copies);
        stripeEvent.FailFirst = Math.Max(0, plan.FailFirst);
        return stripeEvent;
    }

    private sealed class Delivery(IDocumentSession session, IMessageContext bus, WebhookSender sender, SandboxSettings settings, TimeProvider clock)
    {
        public async Task SendRoundAsync(SandboxEvent stripeEvent, int round, CancellationToken ct)
        {
            var attempts = await Task.WhenAll(Enumerable.Range(1, stripeEvent.Copies).Select(copy => sender.PostAsync(stripeEvent, round, copy, ct)));
            var discarded = round <= stripeEvent.FailFirst;
            stripeEvent.Attempts.AddRange(attempts.Select(attempt => attempt with { Discarded = discarded }));
            if (stripeEvent.Attempts.Any(attempt => attempt.Succeeded))
            {
                stripeEvent.DeliveredAt = clock.GetUtcNow();
            }
            else if (round <= settings.RetryDelays.Count)
            {
                await bus.ScheduleAsync(new DeliverSandboxEvent(stripeEvent.Id, round + 1, FaultsApplied: true), settings.RetryDelays[round - 1]);
            }
            else
            {
                stripeEvent.GaveUpAt = clock.GetUtcNow();
            }

            session.Store(stripeEvent);
        }
    }
}
