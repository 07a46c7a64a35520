using Marketplace.Features.StripeWebhooks;
using Marten;
using Stripe;
using Wolverine;

namespace Marketplace.Features.Orders;

/// <summary>
/// Stripe's payment events for an order, in any order, any number of times, at once: <c>checkout.session.completed</c>
/// (when the session is paid) and <c>payment_intent.succeeded</c> mark the order paid once (<see cref="OrderPayment"/>);
/// <c>checkout.session.expired</c> and <c>payment_intent.payment_failed</c> close it unpaid (<see cref="CloseOrder"/>).
/// Two events of one order that run together conflict on the order's stream version; the loser is retried and finds
/// the order already moved on.
/// </summary>
public static class PaymentEventsHandler
{
    public static async Task HandleAsync(
        CheckoutPaymentEvent message, IDocumentSession session, StripeEventQueue queue, IStripeClient stripe, IMessageBus messages, TimeProvider clock,
        OrderMails mails, CancellationToken ct)
    {
        if (await StripeEventRecords.BeginAsync(session, queue, message.EventId, ct) is not { } record)
        {
            return;
        }

        var stripeEvent = EventUtility.ParseEvent(record.Payload, throwOnApiVersionMismatch: false);
        switch (stripeEvent.Data.Object)
        {
            case Stripe.Checkout.Session { PaymentStatus: "paid" } paid when OrderIdOf(paid.Metadata) is { } orderId:
                var intent = await new PaymentIntentService(stripe).GetAsync(paid.PaymentIntentId, cancellationToken: ct);
                await OrderPayment.MarkPaidAsync(session, messages, mails, orderId, intent.Id, intent.LatestChargeId, intent.AmountReceived, clock, ct);
                break;
            case PaymentIntent { Status: "succeeded" } succeeded when OrderIdOf(succeeded.Metadata) is { } orderId:
                await OrderPayment.MarkPaidAsync(session, messages, mails, orderId, succeeded.Id, succeeded.LatestChargeId, succeeded.AmountReceived, clock, ct);
                break;
            case Stripe.Checkout.Session { Status: "expired" } expired when OrderIdOf(expired.Metadata) is { } orderId:
                await CloseOrder.CloseAsync(session, orderId, new OrderExpired(clock.GetUtcNow()), ct);
                break;
            case PaymentIntent failed when record.Type == EventTypes.PaymentIntentPaymentFailed && OrderIdOf(failed.Metadata) is { } orderId:
                await CancelAfterFailureAsync(session, stripe, orderId, failed.LastPaymentError?.Message, clock, ct);
                break;
        }

        StripeEventRecords.Complete(session, queue, record, clock);
    }

    /// <summary>
    /// A declined card closes the order: its checkout session is expired first, so that no later card can pay for an
    /// order whose copies went back. If the session was completed meanwhile, the payment wins and the order stays open
    /// for its paid event.
    /// </summary>
    private static async Task CancelAfterFailureAsync(IDocumentSession session, IStripeClient stripe, Guid orderId, string? why, TimeProvider clock, CancellationToken ct)
    {
        var order = await session.LoadAsync<Order>(orderId, ct);
        if (order is not { IsOpen: true })
        {
            return;
        }

        if (order.CheckoutSessionId is { } sessionId)
        {
            var sessions = new Stripe.Checkout.SessionService(stripe);
            var checkout = await sessions.GetAsync(sessionId, cancellationToken: ct);
            if (checkout.Status == "complete")
            {
                return;
            }

            if (checkout.Status == "open")
            {
                await sessions.ExpireAsync(sessionId, new Stripe.Checkout.SessionExpireOptions(),
                    new RequestOptions { IdempotencyKey = $"checkout-session-expire-{orderId:N}" }, ct);
            }
        }

        var reason = $"The payment failed{(string.IsNullOrWhiteSpace(why) ? "." : $": {why.Trim()}")} Your cart has its products back to try again.";
        await CloseOrder.CloseAsync(session, orderId, new OrderCancelled(reason, clock.GetUtcNow()), ct);
    }

    private static Guid? OrderIdOf(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(OrderMetadata.OrderId, out var value) && Guid.TryParse(value, out var id) ? id : null;
}
