using Alba;
using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Tests.Features.Shops;

namespace Marketplace.Tests.Features.StripeWebhooks;

/// <summary>What webhook tests share: posting signed payloads, shops with a connected account, waiting for processing.</summary>
public abstract class StripeWebhookTest(AppFixture fixture) : ShopsTest(fixture)
{
    protected const string Route = ReceiveStripeWebhook.Route;

    protected Task<IScenarioResult> DeliverAsync(string payload, string? signature = null, int status = 200) => SendAsync(s =>
    {
        s.Post.Text(payload).ToUrl(Route);
        s.WithRequestHeader("Stripe-Signature", signature ?? SignedEvents.Signature(payload));
        s.StatusCodeShouldBe(status);
    });

    /// <summary>A seller whose shop already holds a connected account (as after onboarding started).</summary>
    protected async Task<(Member Owner, ShopView Shop, string AccountId)> ShopWithAccountAsync(string? accountId = null)
    {
        var owner = await MemberAsync("seller");
        var view = await OpenShopAsync(owner);
        var payouts = new ShopPayoutAccount { ShopId = view.Id, AccountId = accountId ?? SignedEvents.NewId("acct") };
        await StoreAsync(payouts);
        return (owner, view, payouts.AccountId);
    }

    protected Task<StripeEventRecord> SettledAsync(string eventId, int seconds = 15) => Eventually.ValueAsync(
        () => QueryAsync(q => q.LoadAsync<StripeEventRecord>(eventId))!,
        record => record is { Status: not StripeEventStatus.Received and not StripeEventStatus.Retrying },
        seconds)!;
}
