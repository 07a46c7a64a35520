using Marketplace.Features.Accounts;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Stripe;
using Wolverine;

namespace Marketplace.Features.Payouts;

/// <summary>
/// Payouts of connected accounts (<c>payout.*</c>): kept per payout id, never moved back from a final status, and
/// the seller is mailed once when a payout fails.
/// </summary>
public static class PayoutEventsHandler
{
    public static async Task HandleAsync(
        ConnectedPayoutEvent message, IDocumentSession session, StripeEventQueue queue, IMessageBus messages, TimeProvider clock, IConfiguration configuration, IServer server,
        CancellationToken ct)
    {
        if (await StripeEventRecords.BeginAsync(session, queue, message.EventId, ct) is not { } record)
        {
            return;
        }

        var payout = EventUtility.ParseEvent(record.Payload, throwOnApiVersionMismatch: false).Data.Object as Payout
            ?? throw new InvalidOperationException($"Event {record.Id} carries no payout.");
        var shop = await UnknownConnectedAccountException.ShopOfAsync(session, message.Account, ct);
        var stored = await session.LoadAsync<ShopPayout>(payout.Id, ct);
        if (stored is null || !ShopPayout.IsFinal(stored.Status))
        {
            var payoutRecord = stored ?? new ShopPayout { Id = payout.Id, ShopId = shop.Id };
            payoutRecord.Amount = payout.Amount;
            payoutRecord.Currency = payout.Currency;
            payoutRecord.Status = payout.Status;
            payoutRecord.CreatedAt = payout.Created;
            payoutRecord.ArrivalDate = payout.ArrivalDate;
            payoutRecord.FailureCode = payout.FailureCode;
            payoutRecord.FailureMessage = payout.FailureMessage;
            session.Store(payoutRecord);

            if (payoutRecord.Status == "failed" && await session.LoadAsync<UserAccount>(shop.OwnerId, ct) is { Email: { } email, DeletedAt: null } owner)
            {
                var mail = PayoutEmails.PayoutFailed(owner.DisplayName, shop.Name, payoutRecord.Amount, payoutRecord.Currency,
                    payoutRecord.FailureMessage, $"{PublicUrl.Of(configuration, server)}{PayoutEmails.PayoutsPage}");
                await messages.PublishAsync(mail.ToMessage(email));
            }
        }

        StripeEventRecords.Complete(session, queue, record, clock);
    }
}
