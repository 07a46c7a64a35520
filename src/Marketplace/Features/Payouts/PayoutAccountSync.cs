using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marten;
using Stripe;
using Wolverine;

namespace Marketplace.Features.Payouts;

/// <summary>
/// Copies a connected account's state onto its shop. The account passed in is always one just read from Stripe, so
/// it is the newest state whatever order the events that prompted the read came in.
/// </summary>
public static class PayoutAccountSync
{
    public static async Task ApplyAsync(Shop shop, Account account, IDocumentSession session, IMessageBus messages, TimeProvider clock, string siteUrl, CancellationToken ct)
    {
        var state = shop.Payouts;
        var wasOnboarded = state.OnboardedAt is not null;
        state.ChargesEnabled = account.ChargesEnabled;
        state.PayoutsEnabled = account.PayoutsEnabled;
        state.DetailsSubmitted = account.DetailsSubmitted;
        state.RequirementsDue = [.. (account.Requirements?.CurrentlyDue ?? []).Union(account.Requirements?.PastDue ?? []).Order(StringComparer.Ordinal)];
        state.DisabledReason = account.Requirements?.DisabledReason;
        state.SyncedAt = clock.GetUtcNow();
        var onboardedNow = !wasOnboarded && account.ChargesEnabled && account.PayoutsEnabled;
        if (onboardedNow)
        {
            state.OnboardedAt = state.SyncedAt;
        }

        session.Update(shop);
        if (onboardedNow && await session.LoadAsync<UserAccount>(shop.OwnerId, ct) is { Email: { } email, DeletedAt: null } owner)
        {
            await messages.PublishAsync(PayoutEmails.OnboardingComplete(owner.DisplayName, shop.Name, $"{siteUrl}{PayoutEmails.PayoutsPage}").ToMessage(email));
        }
    }
}
