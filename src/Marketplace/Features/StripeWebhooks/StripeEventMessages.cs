using Stripe;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// A stored Stripe event for a feature to apply, one message type per family of events; the feature's ordinary
/// Wolverine handler loads the record with <see cref="StripeEventRecords.BeginAsync"/> and completes it in the same
/// transaction as its effects. <see cref="StripeEventFailurePolicy"/> retries and dead-letters them.
/// </summary>
public interface IStripeEventMessage
{
    string EventId { get; }
}

/// <summary>A connected account changed (<c>account.updated</c>, <c>capability.updated</c>) or left the platform (<c>account.application.deauthorized</c>).</summary>
public sealed record ConnectedAccountEvent(string EventId, string Account) : IStripeEventMessage;

/// <summary>A payout of a connected account (<c>payout.*</c>).</summary>
public sealed record ConnectedPayoutEvent(string EventId, string Account) : IStripeEventMessage;

/// <summary>Which message, if any, applies an event: the one table of the event types the marketplace handles.</summary>
public static class StripeEventRoutes
{
    private static readonly HashSet<string> AccountTypes =
        [EventTypes.AccountUpdated, EventTypes.CapabilityUpdated, EventTypes.AccountApplicationDeauthorized];

    private static readonly HashSet<string> PayoutTypes =
        [EventTypes.PayoutCreated, EventTypes.PayoutUpdated, EventTypes.PayoutPaid, EventTypes.PayoutFailed, EventTypes.PayoutCanceled];

    /// <summary>The message applying the event, or null when the marketplace has nothing to do with it (it is ignored).</summary>
    public static IStripeEventMessage? MessageFor(string eventId, string type, string? account) => account switch
    {
        // Events of the platform's own account (its payouts, its settings) are not the marketplace's business.
        null => null,
        _ when AccountTypes.Contains(type) => new ConnectedAccountEvent(eventId, account),
        _ when PayoutTypes.Contains(type) => new ConnectedPayoutEvent(eventId, account),
        _ => null,
    };

    public static IStripeEventMessage? MessageFor(StripeEventRecord record) => MessageFor(record.Id, record.Type, record.Account);
}
