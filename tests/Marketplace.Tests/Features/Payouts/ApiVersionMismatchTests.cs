using Marketplace.Features.Payouts;
using Marketplace.Features.StripeWebhooks;
using Marten;
using Stripe;

namespace Marketplace.Tests.Features.Payouts;

/// <summary>
/// Events of an API version the marketplace did not pin (an account whose default version is older than Stripe.net's)
/// reach the webhook endpoint, are acknowledged and applied: the receiver checks signatures, not versions, and the
/// handlers read only what every version carries, or read the object again from the API (docs/architecture.md).
/// </summary>
public sealed class ApiVersionMismatchTests(AppFixture fixture) : PayoutsTest(fixture)
{
    [Fact]
    public async Task Account_and_payout_events_of_another_api_version_are_applied_never_refused()
    {
        await SendAsync(s => s.Post.Json(new { accountDefault = "2024-06-20" }).ToUrl("/stripe-sandbox/control/api-versions"));
        var (owner, shop, accountId) = await OnboardingStartedAsync();

        await CompleteOnboardingAsync(accountId);
        await Eventually.ValueAsync(() => PayoutsAsync(owner, shop.Id), s => s.PayoutsEnabled);
        var payout = await SendAsync(s => s.Post.Json(new { amount = 2500, outcome = "paid" }).ToUrl($"/stripe-sandbox/control/accounts/{accountId}/payouts"));
        var payoutId = payout.ReadAsJson<System.Text.Json.JsonElement>().GetProperty("id").GetString()!;

        var stored = await Eventually.ValueAsync(() => QueryAsync(q => q.LoadAsync<ShopPayout>(payoutId)), p => p?.Status == "paid");
        stored!.Amount.ShouldBe(2500);
        var records = await Eventually.ValueAsync(
            () => QueryAsync(q => q.Query<StripeEventRecord>().Where(r => r.Account == accountId).ToListAsync()),
            rs => rs.Count(r => r.Type.StartsWith("payout.")) == 2 && rs.All(r => r.Status is StripeEventStatus.Processed or StripeEventStatus.Ignored));
        records.ShouldAllBe(r => r.Payload.Contains("\"api_version\":\"2024-06-20\""));
        records.Select(r => r.Type).ShouldContain(EventTypes.AccountUpdated);
        records.Where(r => r.Type != "account.external_account.created").ShouldAllBe(r => r.Status == StripeEventStatus.Processed);
        var attempts = await QueryAsync(q => q.Query<Marketplace.StripeSandbox.Events.SandboxEvent>().Where(e => e.Account == accountId).ToListAsync());
        attempts.SelectMany(e => e.Attempts).ShouldAllBe(a => a.StatusCode == 200);
    }
}
