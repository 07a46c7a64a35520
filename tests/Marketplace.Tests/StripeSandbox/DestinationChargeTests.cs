using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// Destination charges (<c>payment_intent_data[transfer_data][destination]</c>, <c>application_fee_amount</c>,
/// <c>on_behalf_of</c>): the whole charge goes to the seller, the platform's fee comes back as an application fee,
/// Stripe's card fee and disputes stay with the platform, refunds take back in proportion what they are told to.
/// </summary>
public sealed class DestinationChargeTests(AppFixture fixture) : MoneyTest(fixture)
{
    [Fact]
    public async Task A_destination_charge_balances_to_the_cent_while_pending_once_available_after_a_refund_and_after_a_lost_dispute()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([10000], DestinationData(shop.Id, fee: 1000)));
        var charge = await ChargeAsync(intent.LatestChargeId);

        intent.ApplicationFeeAmount.ShouldBe(1000);
        intent.TransferData.DestinationId.ShouldBe(shop.Id);
        intent.OnBehalfOfId.ShouldBe(shop.Id);
        charge.TransferData.DestinationId.ShouldBe(shop.Id);
        charge.OnBehalfOfId.ShouldBe(shop.Id);
        charge.ApplicationFeeAmount.ShouldBe(1000);
        charge.ApplicationFeeId.ShouldStartWith("fee_");
        charge.TransferId.ShouldStartWith("tr_");
        var transfer = await new TransferService(Stripe).GetAsync(charge.TransferId);
        transfer.Amount.ShouldBe(10000);
        transfer.SourceTransactionId.ShouldBe(charge.Id);
        var fee = await new ApplicationFeeService(Stripe).GetAsync(charge.ApplicationFeeId);
        fee.Amount.ShouldBe(1000);
        fee.AccountId.ShouldBe(shop.Id);
        fee.OriginatingTransactionId.ShouldBe(charge.Id);
        fee.ChargeId.ShouldBe(transfer.DestinationPaymentId);
        (await BalanceTransactionAsync(fee.BalanceTransactionId)).Type.ShouldBe("application_fee");
        var payment = await ChargeAsync(transfer.DestinationPaymentId, shop.Id);
        var received = await BalanceTransactionAsync(payment.BalanceTransactionId, shop.Id);
        received.Amount.ShouldBe(10000);
        received.Fee.ShouldBe(1000);
        received.FeeDetails.ShouldHaveSingleItem().Type.ShouldBe("application_fee");
        (await FundsAsync()).ShouldBe(new Funds(0, 10000 - CardFeeOn10000 - 10000 + 1000));
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(0, 9000));

        await AdvanceClockAsync(days: 2);

        (await FundsAsync()).ShouldBe(new Funds(680, 0));
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(9000, 0));

        var refund = await new RefundService(Stripe).CreateAsync(new RefundCreateOptions
        {
            Charge = charge.Id, Amount = 4000, ReverseTransfer = true, RefundApplicationFee = true,
        });

        refund.TransferReversalId.ShouldStartWith("trr_");
        (await new TransferService(Stripe).GetAsync(transfer.Id)).AmountReversed.ShouldBe(4000);
        var refundedFee = await new ApplicationFeeService(Stripe).GetAsync(fee.Id);
        refundedFee.AmountRefunded.ShouldBe(400);
        refundedFee.Refunds.Data.ShouldHaveSingleItem().Amount.ShouldBe(400);
        (await FundsAsync()).ShouldBe(new Funds(680 - 4000 + 4000 - 400, 0));
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(9000 - 4000 + 400, 0));

        var dispute = await OpenDisputeAsync(charge.Id);
        await new DisputeService(Stripe).CloseAsync(dispute);

        (await FundsAsync()).ShouldBe(new Funds(280 - 6000 - 1500, 0));
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(5400, 0));
        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "charge.dispute.closed"));
        foreach (var type in new[] { "transfer.created", "application_fee.created", "transfer.reversed", "application_fee.refunded", "balance.available" })
        {
            events.ShouldContain(e => e.Type == type, type);
        }

        (await EventsAsync(shop.Id)).ShouldContain(e => e.Type == "balance.available");
    }

    [Fact]
    public async Task An_application_fee_can_be_refunded_on_its_own_but_never_beyond_what_remains()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([10000], DestinationData(shop.Id, fee: 1000)));
        var feeId = (await ChargeAsync(intent.LatestChargeId)).ApplicationFeeId;
        var refunds = new ApplicationFeeRefundService(Stripe);

        var partial = await refunds.CreateAsync(feeId, new ApplicationFeeRefundCreateOptions { Amount = 250 });
        var tooMuch = await RefusedAsync(() => refunds.CreateAsync(feeId, new ApplicationFeeRefundCreateOptions { Amount = 751 }));
        var rest = await refunds.CreateAsync(feeId, new ApplicationFeeRefundCreateOptions());

        partial.Id.ShouldStartWith("fr_");
        tooMuch.StripeError.Code.ShouldBe("amount_too_large");
        rest.Amount.ShouldBe(750);
        (await new ApplicationFeeService(Stripe).GetAsync(feeId)).Refunded.ShouldBeTrue();
        (await FundsAsync()).ShouldBe(new Funds(0, 680 - 1000));
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(0, 9000 + 1000));
    }

    [Fact]
    public async Task A_full_refund_reverses_the_whole_transfer_and_the_whole_fee()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([3333], DestinationData(shop.Id, fee: 333)));
        var charge = await ChargeAsync(intent.LatestChargeId);

        await new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = charge.Id, Amount = 1111, ReverseTransfer = true, RefundApplicationFee = true });
        await new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = charge.Id, ReverseTransfer = true, RefundApplicationFee = true });

        (await new TransferService(Stripe).GetAsync(charge.TransferId)).Reversed.ShouldBeTrue();
        var fee = await new ApplicationFeeService(Stripe).GetAsync(charge.ApplicationFeeId);
        fee.Refunds.Data.Select(r => r.Amount).Order().ShouldBe([111, 222]);
        fee.Refunded.ShouldBeTrue();
        var shopFunds = await FundsAsync(shop.Id);
        (shopFunds.Available + shopFunds.Pending).ShouldBe(0);
    }

    [Fact]
    public async Task A_refund_reverses_a_destination_charges_transfer_even_after_the_seller_paid_it_out()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([10000], DestinationData(shop.Id, fee: 1000)));
        await AdvanceClockAsync(days: 2);
        await new PayoutService(Stripe).CreateAsync(new PayoutCreateOptions { Amount = 9000, Currency = "usd" }, new RequestOptions { StripeAccount = shop.Id });

        await new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = intent.LatestChargeId, ReverseTransfer = true });

        (await FundsAsync(shop.Id)).ShouldBe(new Funds(-10000, 0));
        (await FundsAsync()).ShouldBe(new Funds(680 - 10000 + 10000, 0));
    }

    [Fact]
    public async Task Reverse_transfer_on_a_charge_without_a_transfer_is_refused()
    {
        var intent = await PayAsync(await CheckoutAsync([5000]));

        var refusal = await RefusedAsync(() => new RefundService(Stripe).CreateAsync(new RefundCreateOptions
        {
            Charge = intent.LatestChargeId, Amount = 100, ReverseTransfer = true,
        }));

        refusal.StripeError.Param.ShouldBe("reverse_transfer");
        (await ChargeAsync(intent.LatestChargeId)).AmountRefunded.ShouldBe(0);
    }

    [Fact]
    public async Task A_session_for_an_unknown_destination_or_a_fee_without_one_is_refused()
    {
        var notReady = await CreateExpressAccountAsync("Still onboarding");
        var shop = await OnboardedAccountAsync("Shop A");

        var unknown = await RefusedAsync(() => CheckoutAsync([5000], DestinationData("acct_nobody", fee: 100)));
        var cannotReceive = await RefusedAsync(() => CheckoutAsync([5000], DestinationData(notReady.Id, fee: 100)));
        var feeAlone = await RefusedAsync(() => CheckoutAsync([5000], new SessionPaymentIntentDataOptions { ApplicationFeeAmount = 100 }));
        var feeTooBig = await RefusedAsync(() => CheckoutAsync([5000], DestinationData(shop.Id, fee: 5001)));

        unknown.StripeError.Code.ShouldBe("resource_missing");
        unknown.StripeError.Param.ShouldBe("payment_intent_data[transfer_data][destination]");
        cannotReceive.StripeError.Code.ShouldBe("insufficient_capabilities_for_transfer");
        feeAlone.StripeError.Param.ShouldBe("payment_intent_data[application_fee_amount]");
        feeTooBig.StripeError.Param.ShouldBe("payment_intent_data[application_fee_amount]");
    }

    private static SessionPaymentIntentDataOptions DestinationData(string destination, long fee) => new()
    {
        ApplicationFeeAmount = fee,
        OnBehalfOf = destination,
        TransferData = new SessionPaymentIntentDataTransferDataOptions { Destination = destination },
    };
}
