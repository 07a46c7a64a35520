using System.Net;
using System.Text.Json;
using Marketplace.Infrastructure.Payments;
using Marketplace.StripeSandbox.Connect;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

public sealed class AccountApiTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    [Fact]
    public async Task Stripe_net_parses_an_account_created_with_the_controller_properties_of_the_express_dashboard()
    {
        var account = await CreateExpressAccountAsync();

        account.Id.ShouldStartWith("acct_");
        account.Controller.StripeDashboard.Type.ShouldBe("express");
        account.Controller.Fees.Payer.ShouldBe("application");
        account.Controller.Losses.Payments.ShouldBe("application");
        account.Controller.RequirementCollection.ShouldBe("stripe");
        account.Controller.IsController.ShouldBeTrue();
        account.Type.ShouldBe("none");
        account.Country.ShouldBe("US");
        account.DefaultCurrency.ShouldBe("usd");
        account.Email.ShouldBe("seller@marketplace.localhost");
        account.ChargesEnabled.ShouldBeFalse();
        account.PayoutsEnabled.ShouldBeFalse();
        account.DetailsSubmitted.ShouldBeFalse();
        account.Capabilities.CardPayments.ShouldBe("inactive");
        account.Capabilities.Transfers.ShouldBe("inactive");
        account.Requirements.CurrentlyDue.ShouldContain("external_account");
        account.Requirements.CurrentlyDue.ShouldContain("individual.dob.day");
        account.Requirements.DisabledReason.ShouldBe("requirements.past_due");
        account.BusinessProfile.Name.ShouldBe("Glyph Foundry");
        account.Metadata["shop_id"].ShouldBe("42");
        account.Created.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task A_created_account_reads_back_the_same()
    {
        var created = await CreateExpressAccountAsync();

        var read = await new AccountService(Stripe).GetAsync(created.Id);

        read.Id.ShouldBe(created.Id);
        read.Controller.StripeDashboard.Type.ShouldBe("express");
        read.Requirements.CurrentlyDue.ShouldBe(created.Requirements.CurrentlyDue);
    }

    [Fact]
    public async Task A_wrong_api_key_is_refused_with_401()
    {
        var address = Host.Services.GetRequiredService<StripeSandboxAddress>();
        var http = Host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(StripeSetup.HttpClientName);
        var wrongKey = new StripeClient(new StripeClientOptions
        {
            ApiKey = "sk_test_not_the_sandbox_key", HttpClient = new SystemNetHttpClient(http), ApiBase = address.ApiBase,
        });

        var refusal = await Should.ThrowAsync<StripeException>(() => new AccountService(wrongKey).GetAsync("acct_anything"));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refusal.StripeError.Type.ShouldBe("invalid_request_error");
        refusal.Message.ShouldStartWith("Invalid API Key provided");
        refusal.Message.ShouldNotContain("not_the_sandbox");
    }

    [Fact]
    public async Task A_request_without_an_api_key_is_refused_with_401_in_stripes_error_format()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/stripe-sandbox/v1/balance");
            s.StatusCodeShouldBe(401);
        });

        var error = result.ReadAsJson<JsonElement>().GetProperty("error");
        error.GetProperty("type").GetString().ShouldBe("invalid_request_error");
        error.GetProperty("message").GetString()!.ShouldContain("did not provide an API key");
    }

    [Fact]
    public async Task An_unknown_account_is_a_404_stripe_exception()
    {
        var refusal = await Should.ThrowAsync<StripeException>(() => new AccountService(Stripe).GetAsync("acct_doesnotexist"));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.NotFound);
        refusal.StripeError.Code.ShouldBe("resource_missing");
        refusal.Message.ShouldContain("acct_doesnotexist");
    }

    [Fact]
    public async Task A_path_stripe_does_not_serve_is_a_404_in_stripes_format()
    {
        var refusal = await Should.ThrowAsync<StripeException>(() => new CustomerService(Stripe).GetAsync("cus_1"));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.NotFound);
        refusal.Message.ShouldContain("Unrecognized request URL (GET: /v1/customers/cus_1)");
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_account_and_creates_only_one()
    {
        var options = new RequestOptions { IdempotencyKey = $"connect-account-{Guid.NewGuid():N}" };

        var first = await CreateExpressAccountAsync(options: options);
        var second = await CreateExpressAccountAsync(options: options);

        second.Id.ShouldBe(first.Id);
        second.StripeResponse.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await QueryAsync(session => session.Query<SandboxAccount>().CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_other_parameters_is_refused()
    {
        var options = new RequestOptions { IdempotencyKey = $"connect-account-{Guid.NewGuid():N}" };
        await CreateExpressAccountAsync(options: options);

        var refusal = await Should.ThrowAsync<StripeException>(() => CreateExpressAccountAsync(name: "Another shop", options: options));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refusal.StripeError.Type.ShouldBe("idempotency_error");
    }

    [Fact]
    public async Task Updating_an_account_changes_it_and_emits_account_updated_with_the_previous_values()
    {
        var account = await CreateExpressAccountAsync();

        var updated = await new AccountService(Stripe).UpdateAsync(account.Id, new AccountUpdateOptions
        {
            Email = "owner@shop.example",
            Metadata = new Dictionary<string, string> { ["shop_id"] = "", ["plan"] = "pro" },
        });

        updated.Email.ShouldBe("owner@shop.example");
        updated.Metadata.ShouldBe(new Dictionary<string, string> { ["plan"] = "pro" });
        var events = await WaitForEventsAsync(account.Id, events => events.Any(e => e.Type == "account.updated"));
        var payload = events.Single(e => e.Type == "account.updated").Payload;
        var stripeEvent = EventUtility.ParseEvent(payload);
        stripeEvent.Account.ShouldBe(account.Id);
        ((Account)stripeEvent.Data.Object).Email.ShouldBe("owner@shop.example");
        stripeEvent.Request.IdempotencyKey.ShouldNotBeNullOrEmpty();
        var previous = JsonDocument.Parse(payload).RootElement.GetProperty("data").GetProperty("previous_attributes");
        previous.GetProperty("email").GetString().ShouldBe("seller@marketplace.localhost");
        previous.GetProperty("metadata").GetProperty("shop_id").GetString().ShouldBe("42");
    }

    [Fact]
    public async Task Bracket_parameters_of_the_wrong_type_are_refused_like_stripe()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["amount"] = "ten", ["currency"] = "usd" }).ToUrl("/stripe-sandbox/v1/payouts");
            s.WithRequestHeader("Authorization", $"Bearer {StripeOptions.SandboxSecretKey}");
            s.StatusCodeShouldBe(400);
        });

        var error = result.ReadAsJson<JsonElement>().GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("parameter_invalid_integer");
        error.GetProperty("param").GetString().ShouldBe("amount");
    }
}
