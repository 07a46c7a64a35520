using Marketplace.Features.Accounts;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Infrastructure.Web;
using Stripe;

namespace Marketplace.Features.Payouts;

/// <summary>
/// Payouts of connected accounts (<c>payout.*</c>): kept per payout id, never moved back from a final status, and
/// the seller is mailed once when a payout fails.
/// </summary>
public sealed class PayoutEventsHandler(IServiceProvider services) : IStripeEventHandler
{
    public IReadOnlyCollection<string> EventTypes { get; } =
        [Stripe.EventTypes.PayoutCreated, Stripe.EventTypes.PayoutUpdated, Stripe.EventTypes.PayoutPaid, Stripe.EventTypes.PayoutFailed, Stripe.EventTypes.PayoutCanceled];

    public async Task HandleAsync(Event stripeEvent, StripeEventContext context, CancellationToken ct)
    {
        var payout = stripeEvent.Data.Object as Payout ?? throw new InvalidOperationException($"Event {stripeEvent.Id} carries no payout.");
        var accountId = stripeEvent.Account ?? throw new InvalidOperationException($"Payout event {stripeEvent.Id} names no connected account.");
        var shop = await UnknownConnectedAccountException.ShopOfAsync(context.Session, accountId, ct);

        var stored = await context.Session.LoadAsync<ShopPayout>(payout.Id, ct);
        if (stored is not null && ShopPayout.IsFinal(stored.Status))
        {
            return;
        }

        var record = stored ?? new ShopPayout { Id = payout.Id, ShopId = shop.Id };
        record.Amount = payout.Amount;
        record.Currency = payout.Currency;
        record.Status = payout.Status;
        record.CreatedAt = payout.Created;
        record.ArrivalDate = payout.ArrivalDate;
        record.FailureCode = payout.FailureCode;
        record.FailureMessage = payout.FailureMessage;
        context.Session.Store(record);

        if (record.Status == "failed" && await context.Session.LoadAsync<UserAccount>(shop.OwnerId, ct) is { Email: { } email, DeletedAt: null } owner)
        {
            var mail = PayoutEmails.PayoutFailed(owner.DisplayName, shop.Name, record.Amount, record.Currency, record.FailureMessage,
                $"{PublicUrl.Of(services)}{PayoutEmails.PayoutsPage}");
            await context.Messages.PublishAsync(mail.ToMessage(email));
        }
    }
}
