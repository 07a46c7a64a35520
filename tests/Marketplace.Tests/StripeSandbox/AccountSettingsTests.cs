using System.Net;
using System.Text.Json;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>What a platform changes on an account after creating it: capabilities, the payout schedule; and the requirements a new account shows.</summary>
public sealed class AccountSettingsTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    [Fact]
    public async Task A_capability_requested_after_creation_becomes_active_and_emits_account_updated_and_capability_updated()
    {
        var create = Marketplace.Features.Payouts.ConnectedAccounts.ExpressAccountOptions("seller@shop.example", "Glyph Foundry", Guid.Empty);
        create.Capabilities.Transfers = null;
        var account = await new AccountService(Stripe).CreateAsync(create);
        await ControlOnboardingAsync(account.Id);
        var capabilities = new AccountCapabilityService(Stripe);
        (await capabilities.GetAsync(account.Id, "transfers")).Status.ShouldBe("unrequested");

        var updated = await new AccountService(Stripe).UpdateAsync(account.Id, new AccountUpdateOptions
        {
            Capabilities = new AccountCapabilitiesOptions { Transfers = new AccountCapabilitiesTransfersOptions { Requested = true } },
        });

        updated.Capabilities.Transfers.ShouldBe("active");
        var transfers = await capabilities.GetAsync(account.Id, "transfers");
        (transfers.Status, transfers.Requested).ShouldBe(("active", true));
        (await capabilities.ListAsync(account.Id)).Data.Select(c => (c.Id, c.Status)).ShouldBe([("card_payments", "active"), ("transfers", "active")]);
        var events = await WaitForEventsAsync(account.Id, events => events.Any(e => e.Type == "capability.updated" && e.Payload.Contains("\"transfers\"")));
        var accountUpdated = events.Last(e => e.Type == "account.updated");
        var previous = JsonDocument.Parse(accountUpdated.Payload).RootElement.GetProperty("data").GetProperty("previous_attributes");
        previous.GetProperty("capabilities").TryGetProperty("transfers", out _).ShouldBeFalse();
        var capabilityEvent = EventUtility.ParseEvent(events.Last(e => e.Type == "capability.updated").Payload);
        ((Capability)capabilityEvent.Data.Object).Status.ShouldBe("active");
    }

    [Fact]
    public async Task The_capability_endpoint_requests_and_removes_a_capability()
    {
        var account = await CreateExpressAccountAsync();
        var capabilities = new AccountCapabilityService(Stripe);

        var removed = await capabilities.UpdateAsync(account.Id, "card_payments", new AccountCapabilityUpdateOptions { Requested = false });
        var unknown = await Should.ThrowAsync<StripeException>(() => capabilities.GetAsync(account.Id, "teleport_payments"));

        (removed.Status, removed.Requested).ShouldBe(("unrequested", false));
        (await new AccountService(Stripe).GetAsync(account.Id)).Capabilities.CardPayments.ShouldBeNull();
        unknown.HttpStatusCode.ShouldBe(HttpStatusCode.NotFound);
        (unknown.StripeError.Code, unknown.StripeError.Param, unknown.Message).ShouldBe(("resource_missing", "id", "No such capability: 'teleport_payments'"));
        var events = await WaitForEventsAsync(account.Id, events => events.Any(e => e.Type == "capability.updated"));
        JsonDocument.Parse(events.Single(e => e.Type == "capability.updated").Payload).RootElement
            .GetProperty("data").GetProperty("previous_attributes").GetProperty("status").GetString().ShouldBe("inactive");
    }

    [Fact]
    public async Task A_payout_schedule_round_trips_and_an_interval_without_its_anchor_is_refused()
    {
        var create = Marketplace.Features.Payouts.ConnectedAccounts.ExpressAccountOptions("seller@shop.example", "Glyph Foundry", Guid.Empty);
        create.Settings = new AccountSettingsOptions
        {
            Payouts = new AccountSettingsPayoutsOptions { Schedule = new AccountSettingsPayoutsScheduleOptions { Interval = "weekly", WeeklyAnchor = "friday", DelayDays = 7 } },
        };
        var accounts = new AccountService(Stripe);

        var created = await accounts.CreateAsync(create);
        var weekly = (await accounts.GetAsync(created.Id)).Settings.Payouts.Schedule;
        var monthly = (await accounts.UpdateAsync(created.Id, new AccountUpdateOptions
        {
            Settings = new AccountSettingsOptions
            {
                Payouts = new AccountSettingsPayoutsOptions { Schedule = new AccountSettingsPayoutsScheduleOptions { Interval = "monthly", MonthlyAnchor = 15 } },
            },
        })).Settings.Payouts.Schedule;
        var refusal = await Should.ThrowAsync<StripeException>(() => accounts.CreateAsync(new AccountCreateOptions
        {
            Settings = new AccountSettingsOptions
            {
                Payouts = new AccountSettingsPayoutsOptions { Schedule = new AccountSettingsPayoutsScheduleOptions { Interval = "weekly" } },
            },
        }));

        (weekly.Interval, weekly.WeeklyAnchor, weekly.DelayDays).ShouldBe(("weekly", "friday", 7L));
        (monthly.Interval, monthly.MonthlyAnchor, monthly.WeeklyAnchor, monthly.DelayDays).ShouldBe(("monthly", 15L, null, 7L));
        (refusal.StripeError.Code, refusal.StripeError.Param).ShouldBe(("parameter_missing", "settings[payouts][schedule][weekly_anchor]"));
    }

    [Fact]
    public async Task A_new_account_is_disabled_for_requirements_that_are_past_due_and_lists_them()
    {
        var account = await CreateExpressAccountAsync();
        var capability = await new AccountCapabilityService(Stripe).GetAsync(account.Id, "transfers");

        account.Requirements.DisabledReason.ShouldBe("requirements.past_due");
        account.Requirements.PastDue.ShouldNotBeEmpty();
        account.Requirements.PastDue.ShouldBeSubsetOf(account.Requirements.CurrentlyDue);
        account.Requirements.CurrentlyDue.ShouldBeSubsetOf(account.Requirements.EventuallyDue);
        capability.Requirements.PastDue.ShouldBe(account.Requirements.PastDue);
        capability.Requirements.DisabledReason.ShouldBe("requirements.past_due");
        capability.Status.ShouldBe("inactive");
    }
}
