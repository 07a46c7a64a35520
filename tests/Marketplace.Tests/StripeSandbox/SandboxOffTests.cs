using Marketplace.Features.StripeWebhooks;
using Marketplace.Infrastructure.Web;
using Marketplace.Tests.Features.StripeWebhooks;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>A host given a Stripe secret key the way Stripe names it (<c>STRIPE_SECRET_KEY</c>): it talks to Stripe, and the sandbox is not there at all.</summary>
public sealed class StripeKeyFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["STRIPE_SECRET_KEY"] = "sk_test_x" };
}

public sealed class SandboxOffTests(StripeKeyFixture fixture) : IClassFixture<StripeKeyFixture>
{
    [Theory]
    [InlineData("/stripe-sandbox/v1/accounts")]
    [InlineData("/stripe-sandbox/control/faults")]
    [InlineData("/stripe-sandbox/connect/onboarding/anything")]
    public async Task With_a_secret_key_the_sandbox_routes_do_not_exist(string path)
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url(path);
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task With_a_secret_key_the_stripe_client_talks_to_stripe()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();

        var stripe = scope.ServiceProvider.GetRequiredService<IStripeClient>();
        stripe.ApiBase.ShouldBe("https://api.stripe.com");
        stripe.ApiKey.ShouldBe("sk_test_x");
    }
}

/// <summary>A Staging host without any Stripe setting: no sandbox anyone could drive, no published development secrets.</summary>
[Collection(StagingCollection.Name)]
public sealed class SandboxOutsideDevelopmentTests(StagingFixture fixture)
{
    [Theory]
    [InlineData("GET", "/stripe-sandbox/control/faults")]
    [InlineData("POST", "/stripe-sandbox/control/faults")]
    [InlineData("DELETE", "/stripe-sandbox/control/faults")]
    [InlineData("GET", "/stripe-sandbox/control/clock")]
    [InlineData("POST", "/stripe-sandbox/control/clock/advance")]
    [InlineData("GET", "/stripe-sandbox/control/api-versions")]
    [InlineData("POST", "/stripe-sandbox/control/api-versions")]
    [InlineData("POST", "/stripe-sandbox/control/charges/ch_1/dispute")]
    [InlineData("POST", "/stripe-sandbox/control/disputes/dp_1/close")]
    [InlineData("POST", "/stripe-sandbox/control/checkout/sessions/cs_test_1/pay")]
    [InlineData("POST", "/stripe-sandbox/control/accounts/acct_1/onboarding")]
    [InlineData("POST", "/stripe-sandbox/control/accounts/acct_1/balance")]
    [InlineData("POST", "/stripe-sandbox/control/accounts/acct_1/payouts")]
    [InlineData("POST", "/stripe-sandbox/control/accounts/acct_1/deauthorize")]
    [InlineData("GET", "/stripe-sandbox/control/accounts/acct_1/events")]
    [InlineData("GET", "/stripe-sandbox/control/events")]
    [InlineData("GET", "/stripe-sandbox/v1/balance")]
    public async Task Outside_development_without_a_key_no_sandbox_route_exists(string method, string path)
    {
        await fixture.Host.Scenario(s =>
        {
            if (method == "GET")
            {
                s.Get.Url(path);
            }
            else if (method == "DELETE")
            {
                s.Delete.Url(path);
            }
            else
            {
                s.Post.Json(new { days = 2, reason = "fraudulent", outcome = "won", amount = 100 }).ToUrl(path);
            }

            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task Outside_development_an_event_signed_with_the_development_secret_is_refused_and_not_stored()
    {
        var payout = SignedEvents.Payout(SignedEvents.NewId("po"), "paid");
        var payload = SignedEvents.Event("payout.paid", payout, account: SignedEvents.NewId("acct"));

        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Text(payload).ToUrl("/api/webhooks/stripe");
            s.WithRequestHeader("Stripe-Signature", SignedEvents.Signature(payload));
            s.StatusCodeShouldBe(400);
        });

        result.ShouldBeProblem(400, ProblemTypes.InvalidSignature);
        await using var session = fixture.Host.DocumentStore().QuerySession();
        (await session.LoadAsync<StripeEventRecord>(SignedEvents.IdOf(payload))).ShouldBeNull();
    }
}
