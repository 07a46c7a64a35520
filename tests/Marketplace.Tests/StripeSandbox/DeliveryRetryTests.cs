using Marketplace.StripeSandbox;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>The sandbox retrying a delivery no round got through, here after a tenth of a second, three times.</summary>
public sealed class DeliveryRetryTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Set<StripeSandboxOptions, IReadOnlyList<TimeSpan>>(o => o.RetryDelays, [.. Enumerable.Repeat(TimeSpan.FromSeconds(0.1), 3)]);
    }

    [Fact]
    public async Task The_fail_first_fault_discards_the_first_rounds_and_the_event_is_retried()
    {
        var account = await CreateExpressAccountAsync();
        Faults.Set(duplicate: null, delay: null, failFirst: 2, reorder: null);

        await new AccountService(Stripe).UpdateAsync(account.Id, new AccountUpdateOptions { Email = "retry@shop.example" });

        var events = await WaitForEventsAsync(account.Id, events => events.Count >= 1 && events[0].Attempts.Any(a => a.Round == 3), seconds: 60);
        var attempts = events[0].Attempts.OrderBy(a => a.Round).ToList();
        attempts.Take(2).ShouldAllBe(a => a.Discarded && !a.Succeeded);
        attempts[2].Discarded.ShouldBeFalse();
        attempts[1].At.ShouldBeGreaterThan(attempts[0].At);
        attempts.Select(a => a.Signature).Distinct().Count().ShouldBe(attempts.Select(a => a.Signature.Split(',')[0]).Distinct().Count());
    }

    [Fact]
    public async Task An_event_no_round_delivers_is_abandoned_after_the_last_retry()
    {
        var account = await CreateExpressAccountAsync();
        Faults.Set(duplicate: null, delay: null, failFirst: 10, reorder: null);

        await new AccountService(Stripe).UpdateAsync(account.Id, new AccountUpdateOptions { Email = "never@shop.example" });

        var events = await WaitForEventsAsync(account.Id, events => events.Count >= 1 && events[0].GaveUpAt is not null, seconds: 90);
        events[0].Attempts.Select(a => a.Round).ShouldBe([1, 2, 3, 4]);
        events[0].DeliveredAt.ShouldBeNull();
        EventUtility.ParseEvent(events[0].Payload).Type.ShouldBe("account.updated");
    }
}
