using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Tests.Features.Shops;
using Marketplace.Tests.Features.StripeWebhooks;
using Marten;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Payouts;

/// <summary>The sandbox delivering Stripe's events badly (twice, out of order, after failed rounds) to the real endpoint.</summary>
public sealed class WebhookDeliveryFaultTests(AppFixture fixture) : ShopsTest(fixture)
{
    /// <summary>Clears the faults, and waits for the deliveries of any events they still held, which clearing releases.</summary>
    public override async Task DisposeAsync()
    {
        await Host.ExecuteAndWaitAsync(() => SendAsync(s => s.Delete.Url("/stripe-sandbox/control/faults")), 30_000);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Every_event_delivered_three_times_at_once_has_one_effect()
    {
        var (owner, shop, account) = await OnboardingStartedAsync();
        await FaultsAsync(new { duplicate = 3 });

        await CompleteOnboardingAsync(account, "complete");

        await Eventually.ValueAsync(() => PayoutsAsync(owner, shop.Id), s => s.PayoutsEnabled);
        var events = await SettledEventsAsync(account, count: 3);
        events.Select(e => e.Id).Distinct().Count().ShouldBe(events.Count);
        await MessagesSettledAsync(); // every delivery and its processing is over: a second mail would be sent by now
        (await MailsToAsync(owner.Email)).Count(m => m.Subject.Contains("get paid")).ShouldBe(1);
    }

    [Fact]
    public async Task Account_updates_delivered_newest_first_leave_the_newest_state()
    {
        var (owner, shop, account) = await OnboardingStartedAsync();
        await FaultsAsync(new { reorder = 4 });

        await CompleteOnboardingAsync(account, "requirements_due");
        await CompleteOnboardingAsync(account, "complete");

        var events = await SettledEventsAsync(account, count: 4);
        events.Where(e => e.Type == "account.updated").ShouldAllBe(e => e.Status == StripeEventStatus.Processed);
        var status = await PayoutsAsync(owner, shop.Id);
        status.PayoutsEnabled.ShouldBeTrue();
        status.RequirementsDue.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_late_account_update_carrying_an_old_snapshot_does_not_undo_onboarding()
    {
        var (owner, shop, account) = await OnboardingStartedAsync();
        await CompleteOnboardingAsync(account, "complete");
        await Eventually.ValueAsync(() => PayoutsAsync(owner, shop.Id), s => s.PayoutsEnabled);
        var stale = SignedEvents.Event("account.updated", new JsonObject
        {
            ["id"] = account, ["object"] = "account", ["charges_enabled"] = false, ["payouts_enabled"] = false, ["details_submitted"] = false,
        }, account);

        await SendAsync(s =>
        {
            s.Post.Text(stale).ToUrl(ReceiveStripeWebhook.Route);
            s.WithRequestHeader("Stripe-Signature", SignedEvents.Signature(stale));
        });

        await Eventually.ValueAsync(() => QueryAsync(q => q.LoadAsync<StripeEventRecord>(SignedEvents.IdOf(stale))), r => r?.Status == StripeEventStatus.Processed);
        (await PayoutsAsync(owner, shop.Id)).PayoutsEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task An_event_whose_first_delivery_seemed_to_fail_is_redelivered_and_counted_once()
    {
        var (owner, shop, account) = await OnboardingStartedAsync();
        await FaultsAsync(new { failFirst = 1 });

        await CompleteOnboardingAsync(account, "complete");

        await Eventually.ValueAsync(() => PayoutsAsync(owner, shop.Id), s => s.PayoutsEnabled, seconds: 20);
        var attempts = await Eventually.ValueAsync(
            async () => (await SendAsync(s => s.Get.Url($"/stripe-sandbox/control/accounts/{account}/events?type=account.updated"))).ReadAsJson<JsonElement>(),
            json => Deliveries(json) >= 2, seconds: 20);
        Deliveries(attempts).ShouldBeGreaterThanOrEqualTo(2);
        (await QueryAsync(q => q.Query<StripeEventRecord>().CountAsync(e => e.Account == account && e.Type == "account.updated"))).ShouldBe(1);
    }

    private static int Deliveries(JsonElement events) =>
        (events.ValueKind == JsonValueKind.Array ? events : events.GetProperty("data")).EnumerateArray()
            .Sum(e => e.TryGetProperty("deliveries", out var d) ? d.GetArrayLength() : e.GetProperty("attempts").GetArrayLength());

    private async Task<(Member Owner, ShopView Shop, string AccountId)> OnboardingStartedAsync()
    {
        var owner = await MemberAsync("seller");
        var shop = await OpenShopAsync(owner);
        var link = (await AsUserAsync(owner.Token, s => s.Post.Url($"/api/shops/{shop.Id}/payouts/onboarding"))).ReadAsJson<StartOnboarding.Response>()!;
        return (owner, shop, link.AccountId);
    }

    private Task FaultsAsync(object faults) => SendAsync(s => s.Post.Json(faults).ToUrl("/stripe-sandbox/control/faults"));

    private Task CompleteOnboardingAsync(string account, string outcome) =>
        SendAsync(s => s.Post.Json(new { outcome }).ToUrl($"/stripe-sandbox/control/accounts/{account}/onboarding"));

    private Task<IReadOnlyList<StripeEventRecord>> SettledEventsAsync(string account, int count) => Eventually.ValueAsync(
        async () => await QueryAsync(q => q.Query<StripeEventRecord>().Where(e => e.Account == account).ToListAsync()),
        events => events.Count >= count && events.All(e => e.Status is StripeEventStatus.Processed or StripeEventStatus.Ignored), seconds: 20);

    private async Task<GetPayouts.Response> PayoutsAsync(Member owner, Guid shopId) =>
        (await AsUserAsync(owner.Token, s => s.Get.Url($"/api/shops/{shopId}/payouts"))).ReadAsJson<GetPayouts.Response>()!;
}
