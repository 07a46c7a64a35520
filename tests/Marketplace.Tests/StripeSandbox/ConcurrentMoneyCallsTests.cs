using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// Concurrent calls on one object move its money once, as on Stripe: ten captures of one authorization capture it once
/// (the others get Stripe's refusal, or with one idempotency key the one capture's answer), ten closes of one dispute
/// close it once, ten application-fee refunds that together exceed the fee never refund more than it. Afterwards every
/// balance is the sum of its balance transactions.
/// </summary>
public sealed class ConcurrentMoneyCallsTests(AppFixture fixture) : MoneyTest(fixture)
{
    private const int Callers = 10;

    /// <summary>What Stripe answers the call that lost a race: the object is no longer in that state, or is busy.</summary>
    private static readonly string[] LostRace = ["payment_intent_unexpected_state", "lock_timeout"];

    private sealed record Answer(bool Succeeded, string? Code, string? Message);

    [Fact]
    public async Task Ten_concurrent_captures_of_one_authorization_capture_it_once_and_the_others_are_refused()
    {
        var authorized = await PayAsync(await CheckoutAsync([10000], new SessionPaymentIntentDataOptions { CaptureMethod = "manual" }));

        var answers = await ConcurrentlyAsync(() => new PaymentIntentService(Stripe).CaptureAsync(authorized.Id));

        answers.Count(a => a.Succeeded).ShouldBe(1);
        answers.Where(a => !a.Succeeded).ShouldAllBe(a => LostRace.Contains(a.Code));
        (await FundsAsync()).ShouldBe(new Funds(0, 10000 - CardFeeOn10000));
        (await EventsAsync(null)).Count(e => e.Type == "charge.captured").ShouldBe(1);
        await BalanceIsItsTransactionsAsync(null);
    }

    [Fact]
    public async Task Ten_concurrent_captures_with_one_idempotency_key_all_answer_the_one_capture()
    {
        var authorized = await PayAsync(await CheckoutAsync([10000], new SessionPaymentIntentDataOptions { CaptureMethod = "manual" }));
        var once = new RequestOptions { IdempotencyKey = $"capture-{Guid.NewGuid():N}" };

        var captures = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => new PaymentIntentService(Stripe).CaptureAsync(authorized.Id, null, once)));

        captures.ShouldAllBe(capture => capture.Status == "succeeded" && capture.AmountReceived == 10000);
        captures.Select(capture => capture.StripeResponse.Content).Distinct().ShouldHaveSingleItem();
        (await FundsAsync()).ShouldBe(new Funds(0, 10000 - CardFeeOn10000));
        (await EventsAsync(null)).Count(e => e.Type == "charge.captured").ShouldBe(1);
        await BalanceIsItsTransactionsAsync(null);
    }

    [Fact]
    public async Task Ten_concurrent_closes_of_one_dispute_close_it_once()
    {
        var intent = await PayAsync(await CheckoutAsync([10000]));
        var disputeId = await OpenDisputeAsync(intent.LatestChargeId);

        var answers = await ConcurrentlyAsync(() => new DisputeService(Stripe).CloseAsync(disputeId));

        answers.Count(a => a.Succeeded).ShouldBe(1);
        answers.Where(a => !a.Succeeded).ShouldAllBe(a => a.Code == "lock_timeout" || a.Message!.Contains("already closed", StringComparison.Ordinal));
        (await new DisputeService(Stripe).GetAsync(disputeId)).Status.ShouldBe("lost");
        (await EventsAsync(null)).Count(e => e.Type == "charge.dispute.closed").ShouldBe(1);
        (await FundsAsync()).ShouldBe(new Funds(-11500, 10000 - CardFeeOn10000));
        await BalanceIsItsTransactionsAsync(null);
    }

    [Fact]
    public async Task Ten_concurrent_fee_refunds_that_together_exceed_the_fee_never_refund_more_than_the_fee()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([10000], new SessionPaymentIntentDataOptions
        {
            ApplicationFeeAmount = 1000, TransferData = new SessionPaymentIntentDataTransferDataOptions { Destination = shop.Id },
        }));
        var feeId = (await ChargeAsync(intent.LatestChargeId)).ApplicationFeeId;

        var answers = await ConcurrentlyAsync(() => new ApplicationFeeRefundService(Stripe).CreateAsync(feeId, new ApplicationFeeRefundCreateOptions { Amount = 300 }));

        var refunded = answers.Count(a => a.Succeeded);
        refunded.ShouldBeInRange(1, 3);
        answers.Where(a => !a.Succeeded).ShouldAllBe(a => a.Code == "amount_too_large" || a.Code == "lock_timeout");
        var fee = await new ApplicationFeeService(Stripe).GetAsync(feeId);
        fee.AmountRefunded.ShouldBe(300 * refunded);
        fee.Refunds.Data.Count.ShouldBe(refunded);
        (await EventsAsync(null)).Count(e => e.Type == "application_fee.refunded").ShouldBe(refunded);
        (await FundsAsync()).ShouldBe(new Funds(0, 1000 - CardFeeOn10000 - 300 * refunded));
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(0, 9000 + 300 * refunded));
        await BalanceIsItsTransactionsAsync(null);
        await BalanceIsItsTransactionsAsync(shop.Id);
    }

    private static async Task<Answer[]> ConcurrentlyAsync(Func<Task> call) => await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
    {
        try
        {
            await call();
            return new Answer(true, null, null);
        }
        catch (StripeException refused)
        {
            return new Answer(false, refused.StripeError?.Code, refused.Message);
        }
    }));

    /// <summary>The account's balance (the platform's without one) is, per status, the sum of its balance transactions' nets.</summary>
    private async Task BalanceIsItsTransactionsAsync(string? account)
    {
        var options = account is null ? null : new RequestOptions { StripeAccount = account };
        var movements = new List<BalanceTransaction>();
        await foreach (var movement in new BalanceTransactionService(Stripe).ListAutoPagingAsync(new BalanceTransactionListOptions { Limit = 100 }, options))
        {
            movements.Add(movement);
        }

        var funds = await FundsAsync(account);
        funds.ShouldBe(new Funds(movements.Where(m => m.Status == "available").Sum(m => m.Net), movements.Where(m => m.Status == "pending").Sum(m => m.Net)));
    }
}
