using Marketplace.Features.Shops;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Infrastructure.Web;
using Marten;
using Stripe;

namespace Marketplace.Features.Payouts;

/// <summary>
/// <c>account.updated</c> and <c>capability.updated</c>: the event only says that the account changed; the handler
/// reads the account from Stripe and applies that, so a late, older event can never overwrite a newer state.
/// <c>account.application.deauthorized</c>: the seller disconnected the platform; the shop stops selling.
/// </summary>
public sealed class ConnectedAccountEventsHandler(IStripeClient stripe, IServiceProvider services) : IStripeEventHandler
{
    public IReadOnlyCollection<string> EventTypes { get; } =
        [Stripe.EventTypes.AccountUpdated, Stripe.EventTypes.CapabilityUpdated, Stripe.EventTypes.AccountApplicationDeauthorized];

    public async Task HandleAsync(Event stripeEvent, StripeEventContext context, CancellationToken ct)
    {
        var accountId = stripeEvent.Account ?? (stripeEvent.Data.Object as Account)?.Id
            ?? throw new InvalidOperationException($"Event {stripeEvent.Id} names no connected account.");
        var payouts = await UnknownConnectedAccountException.PayoutAccountOfAsync(context.Session, accountId, ct);
        if (payouts.Deauthorized)
        {
            return;
        }

        if (stripeEvent.Type == Stripe.EventTypes.AccountApplicationDeauthorized)
        {
            payouts.Deauthorized = true;
            payouts.ChargesEnabled = false;
            payouts.PayoutsEnabled = false;
            payouts.SyncedAt = context.Clock.GetUtcNow();
            context.Session.Update(payouts);
            return;
        }

        var account = await new AccountService(stripe).GetAsync(accountId, cancellationToken: ct);
        await PayoutAccountSync.ApplyAsync(payouts, account, context.Session, context.Messages, context.Clock, PublicUrl.Of(services), ct);
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
