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

/// <summary>
/// A payment on the platform's own account (<c>checkout.session.completed</c>, <c>checkout.session.expired</c>,
/// <c>payment_intent.succeeded</c>, <c>payment_intent.payment_failed</c>): the Orders feature applies it to the order named
/// in the object's metadata.
/// </summary>
public sealed record CheckoutPaymentEvent(string EventId) : IStripeEventMessage;

/// <summary>A refund of a platform charge (<c>charge.refunded</c>): the Orders feature reconciles the refunds it did not make.</summary>
public sealed record ChargeRefundedEvent(string EventId) : IStripeEventMessage;

/// <summary>A dispute of a platform charge (<c>charge.dispute.created</c>, <c>charge.dispute.closed</c>).</summary>
public sealed record ChargeDisputeEvent(string EventId) : IStripeEventMessage;

/// <summary>Which message, if any, applies an event: the one table of the event types the marketplace handles.</summary>
public static class StripeEventRoutes
{
    private static readonly HashSet<string> AccountTypes =
        [EventTypes.AccountUpdated, EventTypes.CapabilityUpdated, EventTypes.AccountApplicationDeauthorized];

    private static readonly HashSet<string> PayoutTypes =
        [EventTypes.PayoutCreated, EventTypes.PayoutUpdated, EventTypes.PayoutPaid, EventTypes.PayoutFailed, EventTypes.PayoutCanceled];

    private static readonly HashSet<string> PaymentTypes =
    [
        EventTypes.CheckoutSessionCompleted, EventTypes.CheckoutSessionExpired, EventTypes.PaymentIntentSucceeded, EventTypes.PaymentIntentPaymentFailed,
    ];

    /// <summary>The message applying the event, or null when the marketplace has nothing to do with it (it is ignored).</summary>
    public static IStripeEventMessage? MessageFor(string eventId, string type, string? account) => account switch
    {
        // Buyers pay the platform (separate charges and transfers): checkout and payment events are the platform's own.
        null when PaymentTypes.Contains(type) => new CheckoutPaymentEvent(eventId),
        null when type == EventTypes.ChargeRefunded => new ChargeRefundedEvent(eventId),
        null when type is EventTypes.ChargeDisputeCreated or EventTypes.ChargeDisputeClosed => new ChargeDisputeEvent(eventId),
        // Other events of the platform's own account (its payouts, its settings) are not the marketplace's business.
        null => null,
        _ when AccountTypes.Contains(type) => new ConnectedAccountEvent(eventId, account),
        _ when PayoutTypes.Contains(type) => new ConnectedPayoutEvent(eventId, account),
        _ => null,
    };

    public static IStripeEventMessage? MessageFor(StripeEventRecord record) => MessageFor(record.Id, record.Type, record.Account);
}
