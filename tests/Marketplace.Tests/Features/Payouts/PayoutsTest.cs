using System.Text.Json.Nodes;
using Marketplace.Features.Payouts;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Tests.Features.StripeWebhooks;
using Marten;

namespace Marketplace.Tests.Features.Payouts;

/// <summary>What payout tests share: shops with an account on the Stripe sandbox, and bursts of signed account events.</summary>
public abstract class PayoutsTest(AppFixture fixture) : StripeWebhookTest(fixture)
{
    /// <summary>A seller whose shop has started onboarding: its connected account exists on the sandbox, requirements due.</summary>
    protected async Task<(Member Owner, Marketplace.Features.Shops.ShopView Shop, string AccountId)> OnboardingStartedAsync()
    {
        var owner = await MemberAsync("seller");
        var shop = await OpenShopAsync(owner);
        var link = (await AsUserAsync(owner.Token, s => s.Post.Url($"/api/shops/{shop.Id}/payouts/onboarding"))).ReadAsJson<StartOnboarding.Response>()!;
        return (owner, shop, link.AccountId);
    }

    /// <summary>Has the sandbox finish (or not) the account's onboarding, as the seller would on Stripe's page.</summary>
    protected Task CompleteOnboardingAsync(string accountId, string outcome = "complete") =>
        SendAsync(s => s.Post.Json(new { outcome }).ToUrl($"/stripe-sandbox/control/accounts/{accountId}/onboarding"));

    /// <summary>Signed <c>account.updated</c> events about the account, each with an id of its own.</summary>
    protected static IReadOnlyList<string> AccountUpdates(string accountId, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => SignedEvents.Event("account.updated", new JsonObject { ["id"] = accountId, ["object"] = "account" }, accountId))];

    /// <summary>Posts every payload to the webhook endpoint at once.</summary>
    protected Task DeliverAtOnceAsync(IEnumerable<string> payloads) => Task.WhenAll(payloads.Select(payload => DeliverAsync(payload)));

    /// <summary>Waits until every one of the events has been handled, then returns their records.</summary>
    protected Task<IReadOnlyList<StripeEventRecord>> ProcessedAsync(IReadOnlyList<string> payloads, int seconds = 60) =>
        Eventually.ValueAsync(() => RecordsAsync(payloads), records => Settled(records, payloads.Count), seconds);

    /// <summary>Whether every one of the events has been handled by now.</summary>
    protected async Task<bool> AllSettledAsync(IReadOnlyList<string> payloads) => Settled(await RecordsAsync(payloads), payloads.Count);

    private Task<IReadOnlyList<StripeEventRecord>> RecordsAsync(IEnumerable<string> payloads)
    {
        var ids = payloads.Select(SignedEvents.IdOf).ToArray();
        return QueryAsync(q => q.Query<StripeEventRecord>().Where(e => e.Id.IsOneOf(ids)).ToListAsync());
    }

    private static bool Settled(IReadOnlyList<StripeEventRecord> records, int count) =>
        records.Count == count && records.All(e => e.Status is StripeEventStatus.Processed or StripeEventStatus.Failed);

    protected async Task<GetPayouts.Response> PayoutsAsync(Member owner, Guid shopId) =>
        (await AsUserAsync(owner.Token, s => s.Get.Url($"/api/shops/{shopId}/payouts"))).ReadAsJson<GetPayouts.Response>()!;
}
