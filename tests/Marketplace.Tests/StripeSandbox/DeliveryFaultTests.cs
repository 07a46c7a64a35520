using System.Text.Json;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

public sealed class DeliveryFaultTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    [Fact]
    public async Task The_duplicate_fault_delivers_each_event_twice_at_once()
    {
        var account = await CreateExpressAccountAsync();
        await SetFaultsAsync(new { duplicate = 2 });

        await ControlOnboardingAsync(account.Id);

        var events = await WaitForEventsAsync(account.Id, events => events.Count >= 3 && events.Take(3).All(Delivered));
        foreach (var stripeEvent in events.Take(3))
        {
            stripeEvent.Attempts.Where(a => a.Round == 1).Select(a => a.Copy).Order().ShouldBe([1, 2]);
        }
    }

    [Fact]
    public async Task The_reorder_fault_holds_the_next_events_and_delivers_them_newest_first()
    {
        var account = await CreateExpressAccountAsync();
        await SetFaultsAsync(new { reorder = 3 });
        var accounts = new AccountService(Stripe);

        foreach (var plan in new[] { "one", "two", "three" })
        {
            await accounts.UpdateAsync(account.Id, new AccountUpdateOptions { Metadata = new Dictionary<string, string> { ["plan"] = plan } });
        }

        var events = await WaitForEventsAsync(account.Id, events => events.Count == 3 && events.All(Delivered));
        var deliveryOrder = events.OrderBy(e => e.Attempts.Min(a => a.At)).Select(e => e.Id);
        deliveryOrder.ShouldBe(events.OrderByDescending(e => e.CreatedAt).Select(e => e.Id));
        (await GetFaultsAsync()).GetProperty("reorder").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task The_delay_fault_delivers_after_the_delay()
    {
        var account = await CreateExpressAccountAsync();
        await SetFaultsAsync(new { delayMs = 1500 });

        await new AccountService(Stripe).UpdateAsync(account.Id, new AccountUpdateOptions { Email = "later@shop.example" });

        var events = await WaitForEventsAsync(account.Id, events => events.Count >= 1 && Delivered(events[0]), seconds: 30);
        (events[0].Attempts[0].At - events[0].CreatedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1500));
    }

    [Fact]
    public async Task Clearing_the_faults_releases_events_held_for_reordering()
    {
        var account = await CreateExpressAccountAsync();
        await SetFaultsAsync(new { reorder = 5 });
        await new AccountService(Stripe).UpdateAsync(account.Id, new AccountUpdateOptions { Email = "held@shop.example" });
        await WaitForHeldAsync(1);

        var cleared = await Host.Scenario(s =>
        {
            s.Delete.Url("/stripe-sandbox/control/faults");
            s.StatusCodeShouldBe(200);
        });

        cleared.ReadAsJson<JsonElement>().GetProperty("held").GetArrayLength().ShouldBe(0);
        await WaitForEventsAsync(account.Id, events => events.Count >= 1 && Delivered(events[0]));
    }

    [Fact]
    public async Task The_control_api_lists_an_accounts_events_with_their_delivery_attempts()
    {
        var account = await CreateExpressAccountAsync();
        await ControlOnboardingAsync(account.Id);
        await WaitForEventsAsync(account.Id, events => events.Count >= 3 && events.Take(3).All(Delivered));

        var listed = (await Host.Scenario(s => s.Get.Url($"/stripe-sandbox/control/accounts/{account.Id}/events"))).ReadAsJson<JsonElement>();

        listed.GetArrayLength().ShouldBeGreaterThanOrEqualTo(3);
        var first = listed[0];
        first.GetProperty("type").GetString().ShouldBe("account.external_account.created");
        first.GetProperty("attempts")[0].GetProperty("signature").GetString()!.ShouldStartWith("t=");
        EventUtility.ParseEvent(first.GetProperty("payload").GetString()!).Account.ShouldBe(account.Id);
    }

    private Task SetFaultsAsync(object faults) => Host.Scenario(s =>
    {
        s.Post.Json(faults).ToUrl("/stripe-sandbox/control/faults");
        s.StatusCodeShouldBe(200);
    });

    private async Task<JsonElement> GetFaultsAsync() =>
        (await Host.Scenario(s => s.Get.Url("/stripe-sandbox/control/faults"))).ReadAsJson<JsonElement>();

    private async Task WaitForHeldAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await GetFaultsAsync()).GetProperty("held").GetArrayLength() < count)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the event was never held");
            await Task.Delay(100);
        }
    }
}
