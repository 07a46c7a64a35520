using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marten;
using Stripe;
using Wolverine;

namespace Marketplace.Features.Payouts;

/// <summary>
/// Copies a connected account's state onto the shop's <see cref="ShopPayoutAccount"/>. The account passed in is always
/// one just read from Stripe, after the document was loaded: the document's version check then makes the newest read
/// win, whatever order the events that prompted the reads came in.
/// </summary>
public static class PayoutAccountSync
{
    public static async Task ApplyAsync(
        ShopPayoutAccount payouts, Account account, IDocumentSession session, IMessageBus messages, TimeProvider clock, string siteUrl, CancellationToken ct)
    {
        if (payouts.Deauthorized || Matches(payouts, account))
        {
            // Writing only real changes keeps a burst of events about one account from fighting over the document.
            return;
        }

        payouts.ChargesEnabled = account.ChargesEnabled;
        payouts.PayoutsEnabled = account.PayoutsEnabled;
        payouts.DetailsSubmitted = account.DetailsSubmitted;
        payouts.RequirementsDue = RequirementsDueOf(account);
        payouts.DisabledReason = account.Requirements?.DisabledReason;
        payouts.SyncedAt = clock.GetUtcNow();
        var onboardedNow = payouts.OnboardedAt is null && account.ChargesEnabled && account.PayoutsEnabled;
        if (onboardedNow)
        {
            payouts.OnboardedAt = payouts.SyncedAt;
        }

        session.Update(payouts);
        if (onboardedNow
            && await session.LoadAsync<Shop>(payouts.ShopId, ct) is { } shop
            && await session.LoadAsync<UserAccount>(shop.OwnerId, ct) is { Email: { } email, DeletedAt: null } owner)
        {
            await messages.PublishAsync(PayoutEmails.OnboardingComplete(owner.DisplayName, shop.Name, $"{siteUrl}{PayoutEmails.PayoutsPage}").ToMessage(email));
        }
    }

    /// <summary>Whether the document already holds what the account says (and has been synced at all).</summary>
    public static bool Matches(ShopPayoutAccount payouts, Account account) =>
        payouts.SyncedAt is not null && payouts.ChargesEnabled == account.ChargesEnabled && payouts.PayoutsEnabled == account.PayoutsEnabled
        && payouts.DetailsSubmitted == account.DetailsSubmitted && payouts.DisabledReason == account.Requirements?.DisabledReason
        && payouts.RequirementsDue.SequenceEqual(RequirementsDueOf(account));

    /// <summary>What Stripe needs now or needed by a date that has passed, in a stable order.</summary>
    public static List<string> RequirementsDueOf(Account account) =>
        [.. (account.Requirements?.CurrentlyDue ?? []).Union(account.Requirements?.PastDue ?? []).Order(StringComparer.Ordinal)];
}
