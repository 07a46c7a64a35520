using System.Text.Json;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>Each list's filters, sent by Stripe.net's list options as the marketplace's reconciliation and back-fill would send them.</summary>
public sealed class ListFilterTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    [Fact]
    public async Task Events_are_filtered_by_types_and_by_created_after_a_second()
    {
        var account = await CreateExpressAccountAsync();
        await new AccountService(Stripe).UpdateAsync(account.Id, new AccountUpdateOptions { Email = "first@shop.example" });
        var onAccount = new RequestOptions { StripeAccount = account.Id };
        var events = new EventService(Stripe);
        var earlier = (await events.ListAsync(null, onAccount)).Data.ShouldHaveSingleItem();
        await Eventually.ValueAsync(() => Task.FromResult(DateTime.UtcNow), now => now > earlier.Created.AddSeconds(1), seconds: 3);
        await ControlOnboardingAsync(account.Id);

        var byTypes = await events.ListAsync(new EventListOptions { Types = ["capability.updated", "payout.paid"] }, onAccount);
        var afterFirst = await events.ListAsync(new EventListOptions { Created = new DateRangeOptions { GreaterThan = earlier.Created } }, onAccount);
        var upToFirst = await events.ListAsync(new EventListOptions { Created = new DateRangeOptions { LessThanOrEqual = earlier.Created } }, onAccount);
        var accountTypes = await events.ListAsync(new EventListOptions { Type = "account.*" }, onAccount);

        byTypes.Data.Select(e => e.Type).ShouldBe(["capability.updated", "capability.updated"]);
        afterFirst.Data.Select(e => e.Type).ShouldBe(["capability.updated", "capability.updated", "account.updated", "account.external_account.created"]);
        upToFirst.Data.ShouldHaveSingleItem().Id.ShouldBe(earlier.Id);
        accountTypes.Data.Select(e => e.Type).ShouldBe(["account.updated", "account.external_account.created", "account.updated"]);
        var atSecond = await GetAsync($"/v1/events?created={new DateTimeOffset(earlier.Created).ToUnixTimeSeconds()}", account.Id);
        atSecond.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ShouldBe([earlier.Id]);
    }

    [Fact]
    public async Task Charges_refunds_and_disputes_are_filtered_by_their_charge_payment_intent_and_transfer_group()
    {
        var kept = await PayCheckoutAsync(5000, transferGroup: "order-kept");
        var other = await PayCheckoutAsync(7000, transferGroup: "order-other");
        await new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = kept.LatestChargeId, Amount = 100 });
        await new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = other.LatestChargeId, Amount = 200 });
        await Host.Scenario(s => s.Post.Json(new { reason = "fraudulent" }).ToUrl($"/stripe-sandbox/control/charges/{other.LatestChargeId}/dispute"));

        var byGroup = await new ChargeService(Stripe).ListAsync(new ChargeListOptions { TransferGroup = "order-kept", Expand = ["data.balance_transaction"] });
        var byIntent = await new ChargeService(Stripe).ListAsync(new ChargeListOptions { PaymentIntent = other.Id });
        var byCustomer = await new ChargeService(Stripe).ListAsync(new ChargeListOptions { Customer = "cus_nobody" });
        var refunds = await new RefundService(Stripe).ListAsync(new RefundListOptions { Charge = kept.LatestChargeId });
        var refundsOfIntent = await new RefundService(Stripe).ListAsync(new RefundListOptions { PaymentIntent = other.Id });
        var disputes = await new DisputeService(Stripe).ListAsync(new DisputeListOptions { Charge = other.LatestChargeId });
        var noDisputes = await new DisputeService(Stripe).ListAsync(new DisputeListOptions { PaymentIntent = kept.Id });

        var charge = byGroup.Data.ShouldHaveSingleItem();
        charge.Id.ShouldBe(kept.LatestChargeId);
        charge.BalanceTransaction.ShouldNotBeNull().Amount.ShouldBe(5000);
        byIntent.Data.ShouldHaveSingleItem().Amount.ShouldBe(7000);
        byCustomer.Data.ShouldBeEmpty();
        refunds.Data.ShouldHaveSingleItem().Amount.ShouldBe(100);
        refundsOfIntent.Data.ShouldHaveSingleItem().Amount.ShouldBe(200);
        disputes.Data.ShouldHaveSingleItem().ChargeId.ShouldBe(other.LatestChargeId);
        noDisputes.Data.ShouldBeEmpty();
    }

    [Fact]
    public async Task Checkout_sessions_are_filtered_by_status_and_payment_intent()
    {
        var paid = await PayCheckoutAsync(5000);
        var sessions = new SessionService(Stripe);
        var expired = await sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment", SuccessUrl = "https://shop.example/paid",
            LineItems = [new SessionLineItemOptions { Quantity = 1, PriceData = new() { Currency = "usd", UnitAmount = 900, ProductData = new() { Name = "Icons" } } }],
        });
        await sessions.ExpireAsync(expired.Id);

        var complete = await sessions.ListAsync(new SessionListOptions { Status = "complete" });
        var ofIntent = await sessions.ListAsync(new SessionListOptions { PaymentIntent = paid.Id });
        var expiredOnes = await sessions.ListAsync(new SessionListOptions { Status = "expired" });

        complete.Data.ShouldHaveSingleItem().PaymentIntentId.ShouldBe(paid.Id);
        ofIntent.Data.ShouldHaveSingleItem().Status.ShouldBe("complete");
        expiredOnes.Data.ShouldHaveSingleItem().Id.ShouldBe(expired.Id);
        complete.Url.ShouldBe("/v1/checkout/sessions");
    }

    [Fact]
    public async Task Balance_transactions_are_filtered_by_type_source_and_currency()
    {
        var paid = await PayCheckoutAsync(5000);
        var refund = await new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = paid.LatestChargeId, Amount = 500 });
        var moves = new BalanceTransactionService(Stripe);

        var refunds = await moves.ListAsync(new BalanceTransactionListOptions { Type = "refund" });
        var ofCharge = await moves.ListAsync(new BalanceTransactionListOptions { Source = paid.LatestChargeId });
        var inEuros = await moves.ListAsync(new BalanceTransactionListOptions { Currency = "eur" });
        var inDollars = await moves.ListAsync(new BalanceTransactionListOptions { Currency = "usd" });

        refunds.Data.ShouldHaveSingleItem().Id.ShouldBe(refund.BalanceTransactionId);
        ofCharge.Data.ShouldHaveSingleItem().Type.ShouldBe("charge");
        inEuros.Data.ShouldBeEmpty();
        inDollars.Data.Count.ShouldBe(2);
    }

    private async Task<JsonElement> GetAsync(string path, string account)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/stripe-sandbox{path}");
            s.WithRequestHeader("Authorization", $"Bearer {Marketplace.Infrastructure.Payments.StripeOptions.SandboxSecretKey}");
            s.WithRequestHeader("Stripe-Account", account);
        });
        return result.ReadAsJson<JsonElement>();
    }
}
