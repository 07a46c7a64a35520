using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// Separate charges and transfers, as the multi-shop cart pays sellers: one charge on the platform, one transfer per
/// shop from it (<c>source_transaction</c>, <c>transfer_group</c>), balances as Stripe's documentation adds them up.
/// </summary>
public sealed class SeparateTransfersTests(AppFixture fixture) : MoneyTest(fixture)
{
    [Fact]
    public async Task A_two_shop_cart_balances_to_the_cent_while_pending_once_available_after_a_refund_and_after_a_lost_dispute()
    {
        var shopA = await OnboardedAccountAsync("Shop A");
        var shopB = await OnboardedAccountAsync("Shop B");
        var intent = await PayAsync(await CheckoutAsync([6000, 4000], new SessionPaymentIntentDataOptions { TransferGroup = "order_42" }));
        var charge = await ChargeAsync(intent.LatestChargeId);
        var transfers = new TransferService(Stripe);

        var toA = await transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = 5400, Currency = "usd", Destination = shopA.Id, SourceTransaction = charge.Id, TransferGroup = "order_42",
        });
        var toB = await transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = 3600, Currency = "usd", Destination = shopB.Id, SourceTransaction = charge.Id, TransferGroup = "order_42",
        });

        intent.TransferGroup.ShouldBe("order_42");
        charge.TransferGroup.ShouldBe("order_42");
        toA.TransferGroup.ShouldBe("order_42");
        (await FundsAsync()).ShouldBe(new Funds(0, 10000 - CardFeeOn10000 - 5400 - 3600));
        (await FundsAsync(shopA.Id)).ShouldBe(new Funds(0, 5400));
        (await FundsAsync(shopB.Id)).ShouldBe(new Funds(0, 3600));
        var chargeMovement = await BalanceTransactionAsync(charge.BalanceTransactionId);
        chargeMovement.Status.ShouldBe("pending");
        chargeMovement.Fee.ShouldBe(CardFeeOn10000);
        chargeMovement.Net.ShouldBe(10000 - CardFeeOn10000);
        (chargeMovement.AvailableOn - chargeMovement.Created).ShouldBe(TimeSpan.FromSeconds(TwoDays));

        await AdvanceClockAsync(days: 2);

        (await FundsAsync()).ShouldBe(new Funds(680, 0));
        (await FundsAsync(shopA.Id)).ShouldBe(new Funds(5400, 0));
        (await FundsAsync(shopB.Id)).ShouldBe(new Funds(3600, 0));
        (await BalanceTransactionAsync(charge.BalanceTransactionId)).Status.ShouldBe("available");

        // Shop B's item is refunded; the platform takes B's share back itself, as separate transfers require.
        await new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = charge.Id, Amount = 4000 });
        await new TransferReversalService(Stripe).CreateAsync(toB.Id, new TransferReversalCreateOptions { Amount = 3600 });

        (await FundsAsync()).ShouldBe(new Funds(680 - 4000 + 3600, 0));
        (await FundsAsync(shopB.Id)).ShouldBe(new Funds(0, 0));
        (await FundsAsync(shopA.Id)).ShouldBe(new Funds(5400, 0));

        // The buyer disputes what is left and the platform loses: the amount and Stripe's 15.00 fee, from the platform alone.
        var dispute = await OpenDisputeAsync(charge.Id);
        var lost = await new DisputeService(Stripe).CloseAsync(dispute);

        lost.Status.ShouldBe("lost");
        lost.Amount.ShouldBe(6000);
        (await FundsAsync()).ShouldBe(new Funds(280 - 6000 - 1500, 0));
        (await FundsAsync(shopA.Id)).ShouldBe(new Funds(5400, 0));
        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "charge.dispute.closed"));
        events.Count(e => e.Type == "transfer.created").ShouldBe(2);
        events.ShouldContain(e => e.Type == "balance.available");
        (await EventsAsync(shopA.Id)).ShouldContain(e => e.Type == "balance.available");
    }

    [Fact]
    public async Task The_sellers_payment_is_a_charge_on_its_account_that_only_its_account_can_read()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([5000]));
        var transfer = await new TransferService(Stripe).CreateAsync(new TransferCreateOptions
        {
            Amount = 4500, Currency = "usd", Destination = shop.Id, SourceTransaction = intent.LatestChargeId,
        });

        var payment = await ChargeAsync(transfer.DestinationPaymentId, shop.Id);
        var hidden = await Should.ThrowAsync<StripeException>(() => ChargeAsync(transfer.DestinationPaymentId));

        payment.Id.ShouldStartWith("py_");
        payment.Amount.ShouldBe(4500);
        payment.SourceTransferId.ShouldBe(transfer.Id);
        payment.Paid.ShouldBeTrue();
        var movement = await BalanceTransactionAsync(payment.BalanceTransactionId, shop.Id);
        movement.Status.ShouldBe("pending");
        movement.Net.ShouldBe(4500);
        hidden.HttpStatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        hidden.StripeError.Param.ShouldBe("id");
    }

    [Fact]
    public async Task A_transfer_without_a_source_needs_available_funds_and_gets_them_once_the_clock_has_moved()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        await PayAsync(await CheckoutAsync([10000]));
        var create = new TransferCreateOptions { Amount = 500, Currency = "usd", Destination = shop.Id };

        var refusal = await RefusedAsync(() => new TransferService(Stripe).CreateAsync(create));
        await AdvanceClockAsync(days: 2);
        var transfer = await new TransferService(Stripe).CreateAsync(create);

        refusal.StripeError.Code.ShouldBe("balance_insufficient");
        transfer.Amount.ShouldBe(500);
        (await FundsAsync()).ShouldBe(new Funds(10000 - CardFeeOn10000 - 500, 0));
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(500, 0));
    }

    [Fact]
    public async Task Reversals_move_both_balances_and_never_more_than_the_transfer()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([5000]));
        await AdvanceClockAsync(days: 2);
        var transfer = await new TransferService(Stripe).CreateAsync(new TransferCreateOptions
        {
            Amount = 3000, Currency = "usd", Destination = shop.Id, SourceTransaction = intent.LatestChargeId,
        });
        var reversals = new TransferReversalService(Stripe);

        var first = await reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 1000 });
        var tooMuch = await RefusedAsync(() => reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 2001 }));
        var rest = await reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions());
        var again = await RefusedAsync(() => reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 1 }));

        tooMuch.StripeError.Param.ShouldBe("amount");
        rest.Amount.ShouldBe(2000);
        again.StripeError.Code.ShouldBe("transfer_already_reversed");
        (await new TransferService(Stripe).GetAsync(transfer.Id)).Reversed.ShouldBeTrue();
        (await BalanceTransactionAsync(first.BalanceTransactionId)).Amount.ShouldBe(1000);
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(0, 0));
        (await FundsAsync()).ShouldBe(new Funds(5000 - 175, 0));
        var events = await WaitForEventsAsync(null, events => events.Count(e => e.Type == "transfer.reversed") == 2);
        events.Count(e => e.Type == "transfer.reversed").ShouldBe(2);
    }

    [Fact]
    public async Task A_separate_transfer_cannot_be_reversed_once_the_seller_has_paid_it_out()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([5000]));
        var transfer = await new TransferService(Stripe).CreateAsync(new TransferCreateOptions
        {
            Amount = 3000, Currency = "usd", Destination = shop.Id, SourceTransaction = intent.LatestChargeId,
        });
        await AdvanceClockAsync(days: 2);
        await new PayoutService(Stripe).CreateAsync(new PayoutCreateOptions { Amount = 2500, Currency = "usd" }, new RequestOptions { StripeAccount = shop.Id });

        var refusal = await RefusedAsync(() => new TransferReversalService(Stripe).CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 501 }));
        var reversal = await new TransferReversalService(Stripe).CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 500 });

        refusal.StripeError.Code.ShouldBe("balance_insufficient");
        reversal.Amount.ShouldBe(500);
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(0, 0));
    }
}
