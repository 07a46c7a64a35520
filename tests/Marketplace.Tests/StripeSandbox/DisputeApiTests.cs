using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// Disputes through Stripe's API as Stripe's test mode plays them: the disputed test card opens one after the payment,
/// evidence reading <c>winning_evidence</c> wins it, closing it accepts the loss; the platform pays the amount and the
/// dispute fee either way and gets the amount back only when it wins.
/// </summary>
public sealed class DisputeApiTests(AppFixture fixture) : MoneyTest(fixture)
{
    [Fact]
    public async Task The_disputed_test_card_debits_the_platform_the_amount_and_the_dispute_fee()
    {
        var intent = await PayAsync(await CheckoutAsync([10000]), card: "4000000000000259");

        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "charge.dispute.funds_withdrawn"));

        var dispute = (Dispute)EventUtility.ParseEvent(events.Single(e => e.Type == "charge.dispute.created").Payload).Data.Object;
        dispute.ChargeId.ShouldBe(intent.LatestChargeId);
        dispute.Amount.ShouldBe(10000);
        var withdrawal = dispute.BalanceTransactions.ShouldHaveSingleItem();
        withdrawal.Amount.ShouldBe(-10000);
        withdrawal.Fee.ShouldBe(1500);
        withdrawal.Net.ShouldBe(-11500);
        (await FundsAsync()).ShouldBe(new Funds(-11500, 10000 - CardFeeOn10000));
    }

    [Fact]
    public async Task The_disputed_test_cards_dispute_is_there_once_the_payment_is_and_transfers_racing_it_cannot_lose_it()
    {
        var shopA = await OnboardedAccountAsync("Shop A");
        var shopB = await OnboardedAccountAsync("Shop B");

        var intent = await PayAsync(await CheckoutAsync([6000, 4000]), card: "4000000000000259");
        // As the multi-shop cart pays its sellers right after a payment: these used to make the promised dispute lose
        // its race on the charge and the platform's balance at once, and be dead-lettered.
        var transfers = await Task.WhenAll(new[] { (shopA.Id, 5400L), (shopB.Id, 3600L) }.Select(seller => new TransferService(Stripe).CreateAsync(
            new TransferCreateOptions { Amount = seller.Item2, Currency = "usd", Destination = seller.Item1, SourceTransaction = intent.LatestChargeId })));

        var charge = await ChargeAsync(intent.LatestChargeId);
        charge.Disputed.ShouldBeTrue();
        var types = (await EventsAsync(null)).Select(e => e.Type).ToList();
        types.IndexOf("charge.dispute.created").ShouldBeGreaterThan(types.IndexOf("checkout.session.completed"));
        types.Count(type => type == "charge.dispute.created").ShouldBe(1);
        var dispute = (await new DisputeService(Stripe).ListAsync(new DisputeListOptions { Charge = charge.Id })).Data.ShouldHaveSingleItem();
        dispute.Amount.ShouldBe(10000);
        dispute.Reason.ShouldBe("fraudulent");
        transfers.ShouldAllBe(transfer => transfer.SourceTransactionId == charge.Id);
        (await FundsAsync()).ShouldBe(new Funds(-11500, 10000 - CardFeeOn10000 - 9000));
    }

    [Fact]
    public async Task Winning_evidence_wins_the_dispute_and_reinstates_the_amount_but_not_the_fee()
    {
        var intent = await PayAsync(await CheckoutAsync([10000]));
        var disputeId = await OpenDisputeAsync(intent.LatestChargeId);

        var submitted = await new DisputeService(Stripe).UpdateAsync(disputeId, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions { UncategorizedText = "winning_evidence", ProductDescription = "A font pack, downloaded twice." },
        });

        submitted.Status.ShouldBe("under_review");
        submitted.Evidence.ProductDescription.ShouldBe("A font pack, downloaded twice.");
        submitted.EvidenceDetails.SubmissionCount.ShouldBe(1);
        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "charge.dispute.funds_reinstated"));
        events.ShouldContain(e => e.Type == "charge.dispute.updated");
        ((Dispute)EventUtility.ParseEvent(events.Single(e => e.Type == "charge.dispute.closed").Payload).Data.Object).Status.ShouldBe("won");
        (await new DisputeService(Stripe).GetAsync(disputeId)).Status.ShouldBe("won");
        (await FundsAsync()).ShouldBe(new Funds(-1500, 10000 - CardFeeOn10000));
    }

    [Fact]
    public async Task Losing_evidence_loses_the_dispute_and_a_closed_dispute_cannot_be_changed()
    {
        var intent = await PayAsync(await CheckoutAsync([10000]));
        var disputeId = await OpenDisputeAsync(intent.LatestChargeId);
        await new DisputeService(Stripe).UpdateAsync(disputeId, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions { UncategorizedText = "losing_evidence" },
        });

        await WaitForEventsAsync(null, events => events.Any(e => e.Type == "charge.dispute.closed"));
        var closed = await RefusedAsync(() => new DisputeService(Stripe).CloseAsync(disputeId));

        (await new DisputeService(Stripe).GetAsync(disputeId)).Status.ShouldBe("lost");
        closed.Message.ShouldContain("already closed");
        (await FundsAsync()).ShouldBe(new Funds(-11500, 10000 - CardFeeOn10000));
        var events = await EventsAsync(null);
        events.ShouldNotContain(e => e.Type == "charge.dispute.funds_reinstated");
    }

    [Fact]
    public async Task Evidence_kept_without_submitting_leaves_the_dispute_needing_a_response()
    {
        var intent = await PayAsync(await CheckoutAsync([5000]));
        var disputeId = await OpenDisputeAsync(intent.LatestChargeId);

        var saved = await new DisputeService(Stripe).UpdateAsync(disputeId, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions { UncategorizedText = "winning_evidence" }, Submit = false,
        });

        saved.Status.ShouldBe("needs_response");
        saved.EvidenceDetails.HasEvidence.ShouldBeTrue();
        saved.EvidenceDetails.SubmissionCount.ShouldBe(0);
    }
}
