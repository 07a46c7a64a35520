using System.Net;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// Funds wait in <c>pending</c> until their <c>available_on</c>, two days after the charge; the sandbox's clock moves
/// there without waiting, <c>balance.available</c> says so, and payouts only spend what is available.
/// </summary>
public sealed class SettlementTests(AppFixture fixture) : MoneyTest(fixture)
{
    [Fact]
    public async Task A_charge_is_pending_until_the_clock_reaches_its_available_on_and_then_balance_available_is_emitted()
    {
        var intent = await PayAsync(await CheckoutAsync([10000]));
        var movement = await BalanceTransactionAsync((await ChargeAsync(intent.LatestChargeId)).BalanceTransactionId);

        var oneDayLater = await AdvanceClockAsync(days: 1);
        var stillPending = await FundsAsync();
        var twoDaysLater = await AdvanceClockAsync(days: 1);
        var settled = await BalanceTransactionAsync(movement.Id);

        movement.Status.ShouldBe("pending");
        new DateTimeOffset(movement.AvailableOn).ToUnixTimeSeconds().ShouldBe(new DateTimeOffset(movement.Created).ToUnixTimeSeconds() + TwoDays);
        oneDayLater.ShouldBeLessThan(new DateTimeOffset(movement.AvailableOn).ToUnixTimeSeconds());
        stillPending.ShouldBe(new Funds(0, 10000 - CardFeeOn10000));
        twoDaysLater.ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(movement.AvailableOn).ToUnixTimeSeconds());
        settled.Status.ShouldBe("available");
        (await FundsAsync()).ShouldBe(new Funds(10000 - CardFeeOn10000, 0));
        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "balance.available"));
        var available = (Balance)EventUtility.ParseEvent(events.Single(e => e.Type == "balance.available").Payload).Data.Object;
        available.Available.Single(a => a.Currency == "usd").Amount.ShouldBe(10000 - CardFeeOn10000);
        available.Pending.Single(p => p.Currency == "usd").Amount.ShouldBe(0);
    }

    [Fact]
    public async Task A_payout_of_pending_funds_is_refused_with_balance_insufficient_until_they_are_available()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([10000]));
        await new TransferService(Stripe).CreateAsync(new TransferCreateOptions
        {
            Amount = 8000, Currency = "usd", Destination = shop.Id, SourceTransaction = intent.LatestChargeId,
        });
        var onShop = new RequestOptions { StripeAccount = shop.Id };
        var payouts = new PayoutService(Stripe);

        var early = await RefusedAsync(() => payouts.CreateAsync(new PayoutCreateOptions { Amount = 8000, Currency = "usd" }, onShop));
        await AdvanceClockAsync(days: 2);
        var tooMuch = await RefusedAsync(() => payouts.CreateAsync(new PayoutCreateOptions { Amount = 8001, Currency = "usd" }, onShop));
        var payout = await payouts.CreateAsync(new PayoutCreateOptions { Amount = 8000, Currency = "usd" }, onShop);

        early.StripeError.Code.ShouldBe("balance_insufficient");
        tooMuch.StripeError.Code.ShouldBe("balance_insufficient");
        payout.Amount.ShouldBe(8000);
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(0, 0));
        var shopEvents = await WaitForEventsAsync(shop.Id, events => events.Any(e => e.Type == "balance.available"));
        Delivered(shopEvents.Single(e => e.Type == "balance.available")).ShouldBeTrue();
    }

    [Fact]
    public async Task Pending_funds_credited_through_the_control_api_become_available_with_the_clock()
    {
        var shop = await OnboardedAccountAsync("Shop A");

        await Host.Scenario(s =>
        {
            s.Post.Json(new { amount = 2500, pending = true }).ToUrl($"/stripe-sandbox/control/accounts/{shop.Id}/balance");
            s.StatusCodeShouldBe(200);
        });
        var before = await FundsAsync(shop.Id);
        await AdvanceClockAsync(days: 2);

        before.ShouldBe(new Funds(0, 2500));
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(2500, 0));
    }

    [Theory]
    [InlineData("/v1/payouts")]
    [InlineData("/v1/transfers")]
    public async Task An_unknown_currency_is_refused_as_invalid_not_as_insufficient_funds(string path)
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var options = new TransferCreateOptions { Amount = 100, Currency = "zzz", Destination = shop.Id };

        var refusal = path == "/v1/payouts"
            ? await RefusedAsync(() => new PayoutService(Stripe).CreateAsync(new PayoutCreateOptions { Amount = 100, Currency = "zzz" }))
            : await RefusedAsync(() => new TransferService(Stripe).CreateAsync(options));

        refusal.StripeError.Param.ShouldBe("currency");
        refusal.StripeError.Code.ShouldNotBe("balance_insufficient");
        refusal.Message.ShouldStartWith("Invalid currency: zzz");
    }

    [Fact]
    public async Task The_clock_only_moves_forward()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { days = 0 }).ToUrl("/stripe-sandbox/control/clock/advance");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });

        result.ReadAsText().ShouldContain("at least a second");
    }
}
