using System.Net;
using System.Text.Json;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

public sealed class PayoutTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    [Fact]
    public async Task A_payout_takes_funds_from_the_available_balance_and_is_then_paid()
    {
        var account = await OnboardedAccountAsync();
        await CreditAsync(account.Id, 5000);
        var onAccount = new RequestOptions { StripeAccount = account.Id };

        var payout = await new PayoutService(Stripe).CreateAsync(new PayoutCreateOptions { Amount = 1500, Currency = "usd" }, onAccount);

        payout.Id.ShouldStartWith("po_");
        payout.Status.ShouldBe("pending");
        payout.Amount.ShouldBe(1500);
        payout.DestinationId.ShouldStartWith("ba_");
        var balance = await new BalanceService(Stripe).GetAsync(onAccount);
        balance.Available.ShouldHaveSingleItem().Amount.ShouldBe(3500);
        balance.Available[0].Currency.ShouldBe("usd");
        balance.Available[0].SourceTypes["card"].ShouldBe(3500);
        balance.Pending.ShouldHaveSingleItem().Amount.ShouldBe(0);
        var events = await WaitForEventsAsync(account.Id, events => events.Any(e => e.Type == "payout.paid"));
        events.Where(e => e.Type.StartsWith("payout.", StringComparison.Ordinal)).Select(e => e.Type).ShouldBe(["payout.created", "payout.paid"]);
        (await new PayoutService(Stripe).GetAsync(payout.Id, null, onAccount)).Status.ShouldBe("paid");
    }

    [Fact]
    public async Task Payouts_list_newest_first_with_a_limit()
    {
        var account = await OnboardedAccountAsync();
        await CreditAsync(account.Id, 5000);
        var onAccount = new RequestOptions { StripeAccount = account.Id };
        var payouts = new PayoutService(Stripe);
        var first = await payouts.CreateAsync(new PayoutCreateOptions { Amount = 100, Currency = "usd" }, onAccount);
        var second = await payouts.CreateAsync(new PayoutCreateOptions { Amount = 200, Currency = "usd" }, onAccount);

        var page = await payouts.ListAsync(new PayoutListOptions { Limit = 1 }, onAccount);
        var rest = await payouts.ListAsync(new PayoutListOptions { Limit = 10, StartingAfter = second.Id }, onAccount);

        page.Data.ShouldHaveSingleItem().Id.ShouldBe(second.Id);
        page.HasMore.ShouldBeTrue();
        rest.Data.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
        rest.HasMore.ShouldBeFalse();
        (await payouts.ListAsync(new PayoutListOptions())).Data.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_payout_beyond_the_available_balance_is_refused()
    {
        var account = await OnboardedAccountAsync();

        var refusal = await Should.ThrowAsync<StripeException>(() => new PayoutService(Stripe).CreateAsync(
            new PayoutCreateOptions { Amount = 1500, Currency = "usd" }, new RequestOptions { StripeAccount = account.Id }));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refusal.StripeError.Code.ShouldBe("balance_insufficient");
    }

    [Fact]
    public async Task A_failed_test_payout_returns_the_funds_and_emits_payout_failed()
    {
        var account = await OnboardedAccountAsync();

        await Host.Scenario(s =>
        {
            s.Post.Json(new { amount = 2500, outcome = "failed", failureCode = "account_closed" }).ToUrl($"/stripe-sandbox/control/accounts/{account.Id}/payouts");
            s.StatusCodeShouldBe(200);
        });

        var events = await WaitForEventsAsync(account.Id, events => events.Any(e => e.Type == "payout.failed"));
        var failed = (Payout)EventUtility.ParseEvent(events.Single(e => e.Type == "payout.failed").Payload).Data.Object;
        failed.Status.ShouldBe("failed");
        failed.FailureCode.ShouldBe("account_closed");
        failed.FailureMessage.ShouldNotBeNullOrEmpty();
        var balance = await new BalanceService(Stripe).GetAsync(new RequestOptions { StripeAccount = account.Id });
        balance.Available.Single(b => b.Currency == "usd").Amount.ShouldBe(2500);
    }

    [Fact]
    public async Task A_login_link_opens_the_express_dashboard_whose_buttons_send_test_payouts()
    {
        var account = await OnboardedAccountAsync();

        var link = await new AccountLoginLinkService(Stripe).CreateAsync(account.Id);
        var path = PathOf(link.Url);
        var html = (await Host.Scenario(s => s.Get.Url(path))).ReadAsText();
        html.ShouldContain(account.Id);
        html.ShouldContain(">Send a test payout</button>");
        html.ShouldContain(">Fail a test payout</button>");
        await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["amount"] = "700", ["outcome"] = "paid" }).ToUrl($"{path}/payouts");
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual(path);
        });

        var events = await WaitForEventsAsync(account.Id, events => events.Any(e => e.Type == "payout.paid"));
        ((Payout)EventUtility.ParseEvent(events.Single(e => e.Type == "payout.paid").Payload).Data.Object).Amount.ShouldBe(700);
        (await Host.Scenario(s => s.Get.Url(path))).ReadAsText().ShouldContain("7.00 USD");
    }

    [Fact]
    public async Task A_login_link_needs_an_account_that_finished_onboarding()
    {
        var account = await CreateExpressAccountAsync();

        var refusal = await Should.ThrowAsync<StripeException>(() => new AccountLoginLinkService(Stripe).CreateAsync(account.Id));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_deauthorized_account_emits_the_event_and_refuses_the_platforms_calls()
    {
        var account = await OnboardedAccountAsync();

        var result = await Host.Scenario(s =>
        {
            s.Post.Url($"/stripe-sandbox/control/accounts/{account.Id}/deauthorize");
            s.StatusCodeShouldBe(200);
        });

        var eventId = result.ReadAsJson<JsonElement>().GetProperty("eventId").GetString();
        var events = await WaitForEventsAsync(account.Id, events => events.Any(e => e.Id == eventId && Delivered(e)));
        var deauthorized = EventUtility.ParseEvent(events.Single(e => e.Id == eventId).Payload);
        deauthorized.Type.ShouldBe("account.application.deauthorized");
        deauthorized.Account.ShouldBe(account.Id);
        var refusal = await Should.ThrowAsync<StripeException>(() => new BalanceService(Stripe).GetAsync(new RequestOptions { StripeAccount = account.Id }));
        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refusal.StripeError.Code.ShouldBe("account_invalid");
    }

    private async Task<Account> OnboardedAccountAsync()
    {
        var account = await CreateExpressAccountAsync();
        await ControlOnboardingAsync(account.Id);
        return account;
    }
}
