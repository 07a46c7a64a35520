using System.Net;
using System.Text.Json;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

public sealed class MoneyMovementTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    [Fact]
    public async Task A_partial_refund_refunds_the_charge_and_emits_charge_refunded_then_refund_created()
    {
        var intent = await PaidIntentAsync(5000);

        var refund = await new RefundService(Stripe).CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = intent.Id, Amount = 2000, Reason = "requested_by_customer", Metadata = new Dictionary<string, string> { ["order_id"] = "o-9" },
        });

        refund.Id.ShouldStartWith("re_");
        refund.Status.ShouldBe("succeeded");
        refund.ChargeId.ShouldBe(intent.LatestChargeId);
        var charge = await new ChargeService(Stripe).GetAsync(intent.LatestChargeId);
        charge.AmountRefunded.ShouldBe(2000);
        charge.Refunded.ShouldBeFalse();
        charge.Refunds.Data.ShouldHaveSingleItem().Id.ShouldBe(refund.Id);
        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "refund.created"));
        events.Select(e => e.Type).Where(type => type is "charge.refunded" or "refund.created").ShouldBe(["charge.refunded", "refund.created"]);
        var refunded = EventUtility.ParseEvent(events.Single(e => e.Type == "charge.refunded").Payload);
        ((Charge)refunded.Data.Object).AmountRefunded.ShouldBe(2000);
    }

    [Fact]
    public async Task A_refund_larger_than_what_remains_is_refused()
    {
        var intent = await PaidIntentAsync(5000);
        await new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = intent.LatestChargeId, Amount = 4000 });

        var refusal = await Should.ThrowAsync<StripeException>(() =>
            new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = intent.LatestChargeId, Amount = 1001 }));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refusal.StripeError.Code.ShouldBe("amount_too_large");
    }

    [Fact]
    public async Task A_transfer_credits_the_connected_account_and_a_reversal_takes_part_of_it_back()
    {
        var intent = await PaidIntentAsync(5000);
        var account = await CreateExpressAccountAsync();
        await ControlOnboardingAsync(account.Id);
        var transfers = new TransferService(Stripe);
        var onAccount = new RequestOptions { StripeAccount = account.Id };

        var transfer = await transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = 3000, Currency = "usd", Destination = account.Id, SourceTransaction = intent.LatestChargeId, TransferGroup = "order_o-9",
        });
        (await new BalanceService(Stripe).GetAsync(onAccount)).Pending.Single().Amount.ShouldBe(3000);
        var reversal = await new TransferReversalService(Stripe).CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 1000 });

        transfer.Id.ShouldStartWith("tr_");
        transfer.DestinationId.ShouldBe(account.Id);
        transfer.SourceTransactionId.ShouldBe(intent.LatestChargeId);
        reversal.Id.ShouldStartWith("trr_");
        reversal.Amount.ShouldBe(1000);
        var reversed = await transfers.GetAsync(transfer.Id);
        reversed.AmountReversed.ShouldBe(1000);
        reversed.Reversed.ShouldBeFalse();
        reversed.Reversals.Data.ShouldHaveSingleItem().Id.ShouldBe(reversal.Id);
        (await new BalanceService(Stripe).GetAsync(onAccount)).Pending.Single().Amount.ShouldBe(2000);
        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "transfer.reversed"));
        events.Select(e => e.Type).Where(type => type.StartsWith("transfer.", StringComparison.Ordinal)).ShouldBe(["transfer.created", "transfer.reversed"]);
    }

    [Fact]
    public async Task A_transfer_beyond_its_source_charge_or_to_an_account_without_transfers_is_refused()
    {
        var intent = await PaidIntentAsync(5000);
        var onboarded = await CreateExpressAccountAsync();
        await ControlOnboardingAsync(onboarded.Id);
        var onboarding = await CreateExpressAccountAsync();

        var tooMuch = await Should.ThrowAsync<StripeException>(() => new TransferService(Stripe).CreateAsync(new TransferCreateOptions
        {
            Amount = 5001, Currency = "usd", Destination = onboarded.Id, SourceTransaction = intent.LatestChargeId,
        }));
        var notReady = await Should.ThrowAsync<StripeException>(() => new TransferService(Stripe).CreateAsync(new TransferCreateOptions
        {
            Amount = 100, Currency = "usd", Destination = onboarding.Id, SourceTransaction = intent.LatestChargeId,
        }));

        tooMuch.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        notReady.StripeError.Code.ShouldBe("insufficient_capabilities_for_transfer");
    }

    [Fact]
    public async Task A_dispute_triggered_on_a_charge_emits_charge_dispute_created_and_can_be_won()
    {
        var intent = await PaidIntentAsync(5000);

        var opened = await Host.Scenario(s => s.Post.Json(new { reason = "product_not_received" })
            .ToUrl($"/stripe-sandbox/control/charges/{intent.LatestChargeId}/dispute"));
        var disputeId = opened.ReadAsJson<JsonElement>().GetProperty("id").GetString()!;
        await Host.Scenario(s => s.Post.Json(new { outcome = "won" }).ToUrl($"/stripe-sandbox/control/disputes/{disputeId}/close"));

        var dispute = await new DisputeService(Stripe).GetAsync(disputeId);
        dispute.Status.ShouldBe("won");
        dispute.Reason.ShouldBe("product_not_received");
        dispute.Amount.ShouldBe(5000);
        dispute.ChargeId.ShouldBe(intent.LatestChargeId);
        (await new ChargeService(Stripe).GetAsync(intent.LatestChargeId)).Disputed.ShouldBeTrue();
        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "charge.dispute.closed"));
        var created = EventUtility.ParseEvent(events.Single(e => e.Type == "charge.dispute.created").Payload);
        ((Dispute)created.Data.Object).Status.ShouldBe("needs_response");
    }

    [Fact]
    public async Task The_disputed_test_card_is_paid_and_then_disputed()
    {
        await PaidIntentAsync(5000, card: "4000000000000259");

        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "charge.dispute.created"));

        ((Dispute)EventUtility.ParseEvent(events.Single(e => e.Type == "charge.dispute.created").Payload).Data.Object).Reason.ShouldBe("fraudulent");
    }

    private async Task<PaymentIntent> PaidIntentAsync(long amount, string card = "4242424242424242")
    {
        var session = await new SessionService(Stripe).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = "https://shop.example/paid",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "usd", UnitAmount = amount, ProductData = new SessionLineItemPriceDataProductDataOptions { Name = "Font pack" },
                    },
                    Quantity = 1,
                },
            ],
        });
        await Host.Scenario(s => s.Post.Json(new { card }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{session.Id}/pay"));
        var paid = await new SessionService(Stripe).GetAsync(session.Id);
        return await new PaymentIntentService(Stripe).GetAsync(paid.PaymentIntentId);
    }
}
