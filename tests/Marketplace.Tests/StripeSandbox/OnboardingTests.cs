using System.Text.Json;
using Marketplace.Infrastructure.Payments;
using Marketplace.StripeSandbox.Connect;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

public sealed class OnboardingTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    [Fact]
    public async Task An_account_link_points_at_the_hosted_onboarding_and_expires_after_five_minutes()
    {
        var account = await CreateExpressAccountAsync();

        var link = await OnboardingLinkAsync(account.Id);

        link.Url.ShouldStartWith("http://localhost/stripe-sandbox/connect/onboarding/");
        (link.ExpiresAt - link.Created).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task An_account_link_works_once_and_then_sends_the_browser_to_its_refresh_url()
    {
        var account = await CreateExpressAccountAsync();
        var link = await OnboardingLinkAsync(account.Id);
        var path = PathOf(link.Url);

        var page = await Host.Scenario(s => s.Get.Url(path));
        var html = page.ReadAsText();
        html.ShouldContain("Set up payouts for Glyph Foundry");
        html.ShouldContain(">Submit</button>");
        html.ShouldContain(">Leave requirements due</button>");
        html.ShouldContain("""<label for="business_name">""");
        html.ShouldContain("""<link rel="stylesheet" href="/stripe-sandbox/stripe-sandbox.css">""");
        page.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldContain("form-action 'self' https://shop.example");

        await SubmitAsync(path, "complete", "https://shop.example/payouts/return");
        await Host.Scenario(s =>
        {
            s.Get.Url(path);
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual("https://shop.example/payouts/refresh");
        });
        await SubmitAsync(path, "complete", "https://shop.example/payouts/refresh");
    }

    [Fact]
    public async Task The_hosted_pages_stylesheet_is_served_by_the_sandbox_itself()
    {
        var css = await Host.Scenario(s => s.Get.Url("/stripe-sandbox/stripe-sandbox.css"));

        css.Context.Response.ContentType.ShouldBe("text/css; charset=utf-8");
        css.ReadAsText().ShouldContain(".sbx-banner");
    }

    [Fact]
    public async Task An_expired_account_link_sends_the_browser_to_its_refresh_url()
    {
        var account = await CreateExpressAccountAsync();
        var path = PathOf((await OnboardingLinkAsync(account.Id)).Url);
        var link = await QueryAsync(session => session.LoadAsync<SandboxAccountLink>(path.Split('/')[^1]));
        link!.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        await StoreAsync(link);

        await Host.Scenario(s =>
        {
            s.Get.Url(path);
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual("https://shop.example/payouts/refresh");
        });
    }

    [Fact]
    public async Task An_unknown_onboarding_link_is_a_404_page()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/stripe-sandbox/connect/onboarding/nosuchlink");
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task Submitting_the_onboarding_form_enables_the_account_and_delivers_a_signed_account_updated_event()
    {
        var account = await CreateExpressAccountAsync();
        await SubmitAsync(PathOf((await OnboardingLinkAsync(account.Id)).Url), "complete", "https://shop.example/payouts/return");

        var onboarded = await new AccountService(Stripe).GetAsync(account.Id);
        onboarded.DetailsSubmitted.ShouldBeTrue();
        onboarded.ChargesEnabled.ShouldBeTrue();
        onboarded.PayoutsEnabled.ShouldBeTrue();
        onboarded.Requirements.CurrentlyDue.ShouldBeEmpty();
        onboarded.Requirements.DisabledReason.ShouldBeNull();
        onboarded.Capabilities.CardPayments.ShouldBe("active");
        onboarded.Capabilities.Transfers.ShouldBe("active");
        onboarded.ExternalAccounts.Data.ShouldHaveSingleItem().ShouldBeOfType<BankAccount>().Last4.ShouldBe("6789");

        var events = await WaitForEventsAsync(account.Id, events => events.Count >= 4 && events.Take(4).All(Delivered));
        events.Take(4).Select(e => e.Type).ShouldBe(["account.external_account.created", "account.updated", "capability.updated", "capability.updated"]);
        var bankAccount = (BankAccount)EventUtility.ParseEvent(events[0].Payload).Data.Object;
        bankAccount.Id.ShouldBe(onboarded.ExternalAccounts.Data.Single().Id);
        bankAccount.Last4.ShouldBe("6789");
        var updated = events[1];
        var attempt = updated.Attempts.First();
        attempt.Signature.ShouldStartWith("t=");
        var secrets = Host.Services.GetRequiredService<WebhookSigningSecrets>();
        var verified = EventUtility.ConstructEvent(updated.Payload, attempt.Signature, secrets.Connect);
        verified.Type.ShouldBe("account.updated");
        verified.Account.ShouldBe(account.Id);
        verified.Livemode.ShouldBeFalse();
        verified.ApiVersion.ShouldBe(StripeConfiguration.ApiVersion);
        ((Account)verified.Data.Object).ChargesEnabled.ShouldBeTrue();
        Should.Throw<StripeException>(() => EventUtility.ConstructEvent(updated.Payload, attempt.Signature, secrets.Platform));
        var previous = JsonDocument.Parse(updated.Payload).RootElement.GetProperty("data").GetProperty("previous_attributes");
        previous.GetProperty("charges_enabled").GetBoolean().ShouldBeFalse();
        var capability = (Capability)EventUtility.ParseEvent(events[2].Payload).Data.Object;
        capability.Status.ShouldBe("active");
    }

    [Fact]
    public async Task Leaving_requirements_due_submits_details_but_keeps_charges_and_payouts_disabled()
    {
        var account = await CreateExpressAccountAsync();
        await SubmitAsync(PathOf((await OnboardingLinkAsync(account.Id)).Url), "requirements_due", "https://shop.example/payouts/return");

        var restricted = await new AccountService(Stripe).GetAsync(account.Id);
        restricted.DetailsSubmitted.ShouldBeTrue();
        restricted.ChargesEnabled.ShouldBeFalse();
        restricted.PayoutsEnabled.ShouldBeFalse();
        restricted.Requirements.CurrentlyDue.ShouldBe(["external_account", "individual.verification.document"]);
        restricted.Requirements.DisabledReason.ShouldBe("requirements.past_due");
        var events = await WaitForEventsAsync(account.Id, events => events.Count > 0);
        events[0].Type.ShouldBe("account.updated");
        events.ShouldNotContain(e => e.Type == "capability.updated");
    }

    [Fact]
    public async Task The_control_api_completes_onboarding_without_a_browser()
    {
        var account = await CreateExpressAccountAsync();

        var result = await ControlOnboardingAsync(account.Id);

        result.ReadAsJson<JsonElement>().GetProperty("charges_enabled").GetBoolean().ShouldBeTrue();
        (await new AccountService(Stripe).GetAsync(account.Id)).PayoutsEnabled.ShouldBeTrue();
        await WaitForEventsAsync(account.Id, events => events.Any(e => e.Type == "account.updated" && Delivered(e)));
    }

    [Fact]
    public async Task The_hosted_page_encodes_what_it_shows()
    {
        var account = await CreateExpressAccountAsync(name: "<script>alert('x')</script>");
        var link = await OnboardingLinkAsync(account.Id);

        var html = (await Host.Scenario(s => s.Get.Url(PathOf(link.Url)))).ReadAsText();

        html.ShouldNotContain("<script>alert");
        html.ShouldContain("&lt;script&gt;alert(");
    }

    private Task SubmitAsync(string path, string outcome, string expectedLocation) => Host.Scenario(s =>
    {
        s.Post.FormData(new Dictionary<string, string> { ["outcome"] = outcome, ["business_name"] = "Glyph Foundry" }).ToUrl(path);
        s.StatusCodeShouldBe(302);
        s.Header("Location").SingleValueShouldEqual(expectedLocation);
    });
}
