using System.Text.Json;
using Marketplace.Infrastructure.Payments;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// An event's <c>api_version</c> is the webhook endpoint's, or else the account's default at the time of the event,
/// as Stripe documents; the <c>Stripe-Version</c> a request sends does not change it.
/// </summary>
public sealed class ApiVersionTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    [Fact]
    public async Task Events_follow_the_accounts_default_version_then_the_endpoints_whatever_stripe_version_the_request_sent()
    {
        var account = await CreateExpressAccountAsync();
        await SetVersionsAsync(new { accountDefault = "2024-06-20" });
        await new AccountService(Stripe).UpdateAsync(account.Id, new AccountUpdateOptions { Email = "one@shop.example" });
        await SetVersionsAsync(new { webhookEndpoint = "2025-03-31.basil" });
        await UpdateWithStripeVersionAsync(account.Id, "two@shop.example", "2023-10-16");
        await SetVersionsAsync(new { accountDefault = "", webhookEndpoint = "" });
        await new AccountService(Stripe).UpdateAsync(account.Id, new AccountUpdateOptions { Email = "three@shop.example" });

        var events = await WaitForEventsAsync(account.Id, events => events.Count == 3 && events.All(Delivered));

        events.Select(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("api_version").GetString())
            .ShouldBe(["2024-06-20", "2025-03-31.basil", StripeConfiguration.ApiVersion]);
        (await new EventService(Stripe).GetAsync(events[0].Id, null, new RequestOptions { StripeAccount = account.Id })).ApiVersion.ShouldBe("2024-06-20");
        EventUtility.ParseEvent(events[0].Payload, throwOnApiVersionMismatch: false).Type.ShouldBe("account.updated");
    }

    private Task SetVersionsAsync(object versions) => Host.Scenario(s =>
    {
        s.Post.Json(versions).ToUrl("/stripe-sandbox/control/api-versions");
        s.StatusCodeShouldBe(200);
    });

    private Task UpdateWithStripeVersionAsync(string account, string email, string version) => Host.Scenario(s =>
    {
        s.Post.FormData(new Dictionary<string, string> { ["email"] = email }).ToUrl($"/stripe-sandbox/v1/accounts/{account}");
        s.WithRequestHeader("Authorization", $"Bearer {StripeOptions.SandboxSecretKey}");
        s.WithRequestHeader("Stripe-Version", version);
        s.StatusCodeShouldBe(200);
    });
}
