using Marketplace.Features.Shops;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Stripe;
using Wolverine;

namespace Marketplace.Features.Payouts;

/// <summary>
/// <c>account.updated</c> and <c>capability.updated</c>: the event only says that the account changed; the handler
/// reads the account from Stripe and applies that, so a late, older event can never overwrite a newer state.
/// <c>account.application.deauthorized</c>: the seller disconnected the platform; the shop stops selling.
/// Only the shop's <see cref="ShopPayoutAccount"/> is written, never the <see cref="Shop"/> its seller edits.
/// </summary>
public static class ConnectedAccountEventsHandler
{
    public static async Task HandleAsync(
        ConnectedAccountEvent message, IDocumentSession session, StripeEventQueue queue, IStripeClient stripe, IMessageBus messages, TimeProvider clock,
        IConfiguration configuration, IServer server, CancellationToken ct)
    {
        if (await StripeEventRecords.BeginAsync(session, queue, message.EventId, ct) is not { } record)
        {
            return;
        }

        var payouts = await UnknownConnectedAccountException.PayoutAccountOfAsync(session, message.Account, ct);
        if (payouts.Deauthorized)
        {
            // Final: nothing more to apply.
        }
        else if (record.Type == Stripe.EventTypes.AccountApplicationDeauthorized)
        {
            payouts.Deauthorized = true;
            payouts.ChargesEnabled = false;
            payouts.PayoutsEnabled = false;
            payouts.SyncedAt = clock.GetUtcNow();
            session.Update(payouts);
        }
        else
        {
            var account = await new AccountService(stripe).GetAsync(message.Account, cancellationToken: ct);
            await PayoutAccountSync.ApplyAsync(payouts, account, session, messages, clock, PublicUrl.Of(configuration, server), ct);
        }

        StripeEventRecords.Complete(session, queue, record, clock);
    }
}

/// <summary>
/// An event about an account no shop holds. It can arrive just before the shop stores its new account id, so it is
/// retried; an event that still fails is visible to admins, who can replay it.
/// </summary>
public sealed class UnknownConnectedAccountException(string accountId)
    : Exception($"No shop holds the connected account {accountId} (yet).")
{
    /// <summary>The payout document of the shop holding the account, or this exception.</summary>
    public static async Task<ShopPayoutAccount> PayoutAccountOfAsync(IQuerySession session, string accountId, CancellationToken ct) =>
        await session.Query<ShopPayoutAccount>().FirstOrDefaultAsync(p => p.AccountId == accountId, ct) ?? throw new UnknownConnectedAccountException(accountId);

    /// <summary>The shop holding the account, or this exception.</summary>
    public static async Task<Shop> ShopOfAsync(IQuerySession session, string accountId, CancellationToken ct) =>
        await session.LoadAsync<Shop>((await PayoutAccountOfAsync(session, accountId, ct)).ShopId, ct) ?? throw new UnknownConnectedAccountException(accountId);
}
