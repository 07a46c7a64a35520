using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// <c>capture_method=manual</c>: the card is authorized and nothing moves until the capture; a smaller capture releases
/// the rest; a cancel releases it all.
/// </summary>
public sealed class ManualCaptureTests(AppFixture fixture) : MoneyTest(fixture)
{
    private static readonly SessionPaymentIntentDataOptions Manual = new() { CaptureMethod = "manual" };

    [Fact]
    public async Task An_authorized_payment_requires_capture_and_a_partial_capture_moves_only_what_was_captured()
    {
        var authorized = await PayAsync(await CheckoutAsync([10000], Manual));
        var uncaptured = await ChargeAsync(authorized.LatestChargeId);
        var beforeCapture = await FundsAsync();

        var captured = await new PaymentIntentService(Stripe).CaptureAsync(authorized.Id, new PaymentIntentCaptureOptions { AmountToCapture = 6000 });

        authorized.Status.ShouldBe("requires_capture");
        authorized.CaptureMethod.ShouldBe("manual");
        authorized.AmountCapturable.ShouldBe(10000);
        uncaptured.Captured.ShouldBeFalse();
        uncaptured.AmountCaptured.ShouldBe(0);
        uncaptured.BalanceTransactionId.ShouldBeNull();
        beforeCapture.ShouldBe(new Funds(0, 0));
        captured.Status.ShouldBe("succeeded");
        captured.AmountReceived.ShouldBe(6000);
        var charge = await ChargeAsync(authorized.LatestChargeId);
        charge.Captured.ShouldBeTrue();
        charge.AmountCaptured.ShouldBe(6000);
        charge.AmountRefunded.ShouldBe(4000);
        (await FundsAsync()).ShouldBe(new Funds(0, 6000 - 204));
        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "charge.captured"));
        events.ShouldContain(e => e.Type == "payment_intent.amount_capturable_updated");
    }

    [Fact]
    public async Task Capturing_more_than_was_authorized_or_capturing_twice_is_refused()
    {
        var authorized = await PayAsync(await CheckoutAsync([5000], Manual));
        var intents = new PaymentIntentService(Stripe);

        var tooMuch = await RefusedAsync(() => intents.CaptureAsync(authorized.Id, new PaymentIntentCaptureOptions { AmountToCapture = 5001 }));
        await intents.CaptureAsync(authorized.Id);
        var twice = await RefusedAsync(() => intents.CaptureAsync(authorized.Id));

        tooMuch.StripeError.Code.ShouldBe("amount_too_large");
        twice.StripeError.Code.ShouldBe("payment_intent_unexpected_state");
        (await FundsAsync()).ShouldBe(new Funds(0, 5000 - 175));
    }

    [Fact]
    public async Task Canceling_an_authorization_releases_it_and_moves_nothing()
    {
        var authorized = await PayAsync(await CheckoutAsync([5000], Manual));

        var canceled = await new PaymentIntentService(Stripe).CancelAsync(authorized.Id, new PaymentIntentCancelOptions { CancellationReason = "abandoned" });

        canceled.Status.ShouldBe("canceled");
        canceled.CancellationReason.ShouldBe("abandoned");
        canceled.AmountCapturable.ShouldBe(0);
        var charge = await ChargeAsync(authorized.LatestChargeId);
        charge.Captured.ShouldBeFalse();
        charge.AmountRefunded.ShouldBe(5000);
        charge.Refunded.ShouldBeTrue();
        (await FundsAsync()).ShouldBe(new Funds(0, 0));
        await RefusedAsync(() => new PaymentIntentService(Stripe).CaptureAsync(authorized.Id));
        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "payment_intent.canceled"));
        events.ShouldContain(e => e.Type == "charge.refunded");
    }

    [Fact]
    public async Task A_destination_charge_captured_later_transfers_and_takes_its_fee_at_capture()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var authorized = await PayAsync(await CheckoutAsync([10000], new SessionPaymentIntentDataOptions
        {
            CaptureMethod = "manual", ApplicationFeeAmount = 1000, TransferData = new SessionPaymentIntentDataTransferDataOptions { Destination = shop.Id },
        }));
        var beforeCapture = await FundsAsync(shop.Id);

        await new PaymentIntentService(Stripe).CaptureAsync(authorized.Id, new PaymentIntentCaptureOptions { AmountToCapture = 8000, ApplicationFeeAmount = 500 });

        beforeCapture.ShouldBe(new Funds(0, 0));
        var charge = await ChargeAsync(authorized.LatestChargeId);
        (await new TransferService(Stripe).GetAsync(charge.TransferId)).Amount.ShouldBe(8000);
        (await new ApplicationFeeService(Stripe).GetAsync(charge.ApplicationFeeId)).Amount.ShouldBe(500);
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(0, 7500));
        (await FundsAsync()).ShouldBe(new Funds(0, 8000 - 262 - 8000 + 500));
    }
}
