using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Stripe;
using Wolverine;

namespace Marketplace.Features.Payouts;

/// <summary>The shop's Stripe connected account: created once, with the controller properties of the Express dashboard.</summary>
public sealed class ConnectedAccounts(IStripeClient stripe, IDocumentSession session, TimeProvider clock)
{
    /// <summary>
    /// The shop's account id, creating the account on first use. Concurrent first calls end with one account: they take
    /// turns on the shop's advisory lock, and the ones after the first find its payout document (the idempotency key
    /// alone would not do: Stripe refuses a key reused with other parameters, and a rename changes the name sent).
    /// Only that document is written, so a seller editing the shop meanwhile is never refused.
    /// </summary>
    public async Task<string> EnsureAccountAsync(Shop shop, CancellationToken ct)
    {
        if (await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct) is { } existing)
        {
            return existing.AccountId;
        }

        await AdvisoryLocks.HoldAsync(session, $"connect-account:{shop.Id:N}", ct);
        if (await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct) is { } created)
        {
            return created.AccountId;
        }

        var owner = await session.LoadAsync<UserAccount>(shop.OwnerId, ct);
        var account = await new AccountService(stripe).CreateAsync(
            ExpressAccountOptions(owner?.Email, shop.Name, shop.Id),
            new RequestOptions { IdempotencyKey = $"connect-account-{shop.Id:N}" },
            ct);

        session.Insert(new ShopPayoutAccount { ShopId = shop.Id, AccountId = account.Id, CreatedAt = clock.GetUtcNow() });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e.IsUniqueViolation())
        {
            // a concurrent call stored the same account (same idempotency key) first
            session.EjectAllPendingChanges();
        }

        return account.Id;
    }

    /// <summary>
    /// A connected account with the controller properties of the Express dashboard: Stripe collects the requirements,
    /// the platform pays the fees and carries the losses.
    /// </summary>
    public static AccountCreateOptions ExpressAccountOptions(string? email, string shopName, Guid shopId) => new()
    {
        Email = email,
        Controller = new AccountControllerOptions
        {
            StripeDashboard = new AccountControllerStripeDashboardOptions { Type = "express" },
            Fees = new AccountControllerFeesOptions { Payer = "application" },
            Losses = new AccountControllerLossesOptions { Payments = "application" },
            RequirementCollection = "stripe",
        },
        Capabilities = new AccountCapabilitiesOptions
        {
            CardPayments = new AccountCapabilitiesCardPaymentsOptions { Requested = true },
            Transfers = new AccountCapabilitiesTransfersOptions { Requested = true },
        },
        BusinessProfile = new AccountBusinessProfileOptions { Name = shopName, ProductDescription = "Digital downloads" },
        Metadata = new Dictionary<string, string> { ["shop_id"] = shopId.ToString() },
    };

    public async Task<AccountLink> OnboardingLinkAsync(string accountId, string baseUrl, CancellationToken ct) =>
        await new AccountLinkService(stripe).CreateAsync(
            new AccountLinkCreateOptions
            {
                Account = accountId,
                Type = "account_onboarding",
                RefreshUrl = $"{baseUrl}{PayoutEmails.PayoutsPage}/refresh",
                ReturnUrl = $"{baseUrl}{PayoutEmails.PayoutsPage}/return",
            },
            cancellationToken: ct);

    public async Task<string> DashboardLinkAsync(string accountId, CancellationToken ct) =>
        (await new AccountLoginLinkService(stripe).CreateAsync(accountId, cancellationToken: ct)).Url;

    /// <summary>
    /// Reads the account from Stripe and applies it to the shop's payout document (the return page does this; webhooks
    /// do too). The document is loaded before Stripe is read, so a concurrent newer write makes this one lose and retry.
    /// </summary>
    public async Task<ShopPayoutAccount?> SyncAsync(Shop shop, IMessageBus messages, string siteUrl, CancellationToken ct)
    {
        var payouts = await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct);
        if (payouts is null || payouts.Deauthorized)
        {
            return payouts;
        }

        var account = await new AccountService(stripe).GetAsync(payouts.AccountId, cancellationToken: ct);
        await PayoutAccountSync.ApplyAsync(payouts, account, session, messages, clock, siteUrl, ct);
        return payouts;
    }
}
