using System.Text.Json;
using Marketplace.Infrastructure.Payments;
using Marketplace.StripeSandbox.Events;
using Marten;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// Every kind of object the sandbox answers, and every event it has stored, conforms to the schema Stripe's OpenAPI
/// description gives it (<c>spec/stripe-spec.json</c>, checked with JsonSchema.Net), expanded objects included.
/// </summary>
public sealed class ResponseSchemaTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    private static readonly string[] EmittedTypes =
    [
        "account.application.deauthorized", "account.external_account.created", "account.updated", "application_fee.created", "application_fee.refunded",
        "balance.available", "capability.updated", "charge.captured", "charge.dispute.closed", "charge.dispute.created", "charge.dispute.funds_reinstated",
        "charge.dispute.funds_withdrawn", "charge.dispute.updated", "charge.failed", "charge.refunded", "charge.succeeded",
        "checkout.session.completed", "checkout.session.expired", "payment_intent.amount_capturable_updated", "payment_intent.canceled",
        "payment_intent.created", "payment_intent.payment_failed", "payment_intent.succeeded", "payout.created", "payout.failed",
        "payout.paid", "refund.created", "transfer.created", "transfer.reversed",
    ];

    private readonly List<string> _problems = [];

    [Fact]
    public async Task Every_object_and_event_payload_conforms_to_stripes_schemas()
    {
        var account = await CreateExpressAccountAsync();
        var link = await OnboardingLinkAsync(account.Id);
        await ControlOnboardingAsync(account.Id);
        var session = await CreateSessionAsync();
        await Host.Scenario(s =>
        {
            s.Post.Json(new { card = "4000000000000002" }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{session.Id}/pay");
            s.StatusCodeShouldBe(402);
        });
        await Host.Scenario(s => s.Post.Json(new { card = "4242424242424242" }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{session.Id}/pay"));
        var intentId = (await new SessionService(Stripe).GetAsync(session.Id)).PaymentIntentId;
        var charge = await new ChargeService(Stripe).GetAsync((await new PaymentIntentService(Stripe).GetAsync(intentId)).LatestChargeId);
        var refund = await new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = charge.Id, Amount = 500 });
        var transfer = await new TransferService(Stripe).CreateAsync(new TransferCreateOptions
        {
            Amount = 1000, Currency = "usd", Destination = account.Id, SourceTransaction = charge.Id,
        });
        var reversal = await new TransferReversalService(Stripe).CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 100 });
        await Host.Scenario(s => s.Post.Json(new { days = 2 }).ToUrl("/stripe-sandbox/control/clock/advance")); // the transfer's funds become available
        var payout = await new PayoutService(Stripe).CreateAsync(new PayoutCreateOptions { Amount = 300, Currency = "usd" },
            new RequestOptions { StripeAccount = account.Id });
        await Host.Scenario(s => s.Post.Json(new { amount = 200, outcome = "failed" }).ToUrl($"/stripe-sandbox/control/accounts/{account.Id}/payouts"));
        var dispute = (await Host.Scenario(s => s.Post.Json(new { reason = "fraudulent" }).ToUrl($"/stripe-sandbox/control/charges/{charge.Id}/dispute")))
            .ReadAsJson<JsonElement>().GetProperty("id").GetString();
        await Host.Scenario(s => s.Post.Json(new { outcome = "lost" }).ToUrl($"/stripe-sandbox/control/disputes/{dispute}/close"));
        var loginLink = await new AccountLoginLinkService(Stripe).CreateAsync(account.Id);
        await new SessionService(Stripe).ExpireAsync((await CreateSessionAsync()).Id);
        var deauthorized = await CreateExpressAccountAsync("Deauthorized Type");
        await Host.Scenario(s => s.Post.Json(new { }).ToUrl($"/stripe-sandbox/control/accounts/{deauthorized.Id}/deauthorize"));
        var deleted = await CreateExpressAccountAsync("Deleted Type");
        var destination = await PaidAsync(await CreateSessionAsync(new SessionPaymentIntentDataOptions
        {
            ApplicationFeeAmount = 500, OnBehalfOf = account.Id, TransferData = new SessionPaymentIntentDataTransferDataOptions { Destination = account.Id },
        }));
        var destinationRefund = await new RefundService(Stripe).CreateAsync(new RefundCreateOptions
        {
            Charge = destination.Id, Amount = 1000, ReverseTransfer = true, RefundApplicationFee = true,
        });
        var feeRefund = await new ApplicationFeeRefundService(Stripe).CreateAsync(destination.ApplicationFeeId, new ApplicationFeeRefundCreateOptions { Amount = 10 });
        var payment = (await new TransferService(Stripe).GetAsync(destination.TransferId)).DestinationPaymentId;
        var manual = new SessionPaymentIntentDataOptions { CaptureMethod = "manual" };
        var captured = await new PaymentIntentService(Stripe).CaptureAsync((await PaidAsync(await CreateSessionAsync(manual))).PaymentIntentId);
        var canceled = await new PaymentIntentService(Stripe).CancelAsync((await PaidAsync(await CreateSessionAsync(manual))).PaymentIntentId);
        var won = (await Host.Scenario(s => s.Post.Json(new { }).ToUrl($"/stripe-sandbox/control/charges/{destination.Id}/dispute")))
            .ReadAsJson<JsonElement>().GetProperty("id").GetString()!;
        await new DisputeService(Stripe).UpdateAsync(won, new DisputeUpdateOptions { Evidence = new() { UncategorizedText = "winning_evidence" } });
        await Host.Scenario(s => s.Post.Json(new { days = 2 }).ToUrl("/stripe-sandbox/control/clock/advance"));

        await new AccountService(Stripe).UpdateAsync(account.Id, new AccountUpdateOptions
        {
            Settings = new() { Payouts = new() { Schedule = new() { Interval = "weekly", WeeklyAnchor = "monday" } } },
        });
        Check("account", await GetAsync($"/v1/accounts/{account.Id}"));
        Check("capability", await GetAsync($"/v1/accounts/{account.Id}/capabilities/transfers"));
        CheckList("capability", await GetAsync($"/v1/accounts/{account.Id}/capabilities"), "/v1/accounts/{account}/capabilities");
        Check("account_link", JsonDocument.Parse(link.StripeResponse.Content).RootElement);
        Check("login_link", JsonDocument.Parse(loginLink.StripeResponse.Content).RootElement);
        Check("balance", await GetAsync("/v1/balance", account.Id));
        Check("balance", await GetAsync("/v1/balance"));
        Check("balance_transaction", await GetAsync($"/v1/balance_transactions/{charge.BalanceTransactionId}"));
        Check("balance_transaction", await GetAsync($"/v1/balance_transactions/{refund.BalanceTransactionId}"));
        Check("payout", await GetAsync($"/v1/payouts/{payout.Id}", account.Id));
        CheckList("payout", await GetAsync("/v1/payouts?expand[]=data.balance_transaction", account.Id), "/v1/payouts");
        Check("checkout.session", await GetAsync($"/v1/checkout/sessions/{session.Id}?expand[]=payment_intent.latest_charge"));
        CheckList("item", await GetAsync($"/v1/checkout/sessions/{session.Id}/line_items"), "/v1/checkout/sessions/{session}/line_items");
        Check("payment_intent", await GetAsync($"/v1/payment_intents/{intentId}?expand[]=latest_charge.balance_transaction"));
        Check("charge", await GetAsync($"/v1/charges/{charge.Id}"));
        Check("refund", await GetAsync($"/v1/refunds/{refund.Id}"));
        Check("transfer", await GetAsync($"/v1/transfers/{transfer.Id}?expand[]=destination"));
        Check("transfer_reversal", JsonDocument.Parse(reversal.StripeResponse.Content).RootElement);
        Check("dispute", await GetAsync($"/v1/disputes/{dispute}"));
        Check("deleted_account", JsonDocument.Parse((await new AccountService(Stripe).DeleteAsync(deleted.Id)).StripeResponse.Content).RootElement);
        CheckList("event", await GetAsync("/v1/events?limit=100"), "/v1/events");
        CheckList("charge", await GetAsync("/v1/charges?expand[]=data.balance_transaction"), "/v1/charges");
        CheckList("refund", await GetAsync("/v1/refunds"), "/v1/refunds");
        CheckList("dispute", await GetAsync("/v1/disputes"), "/v1/disputes");
        CheckList("checkout.session", await GetAsync("/v1/checkout/sessions"), "/v1/checkout/sessions");
        CheckList("transfer", await GetAsync("/v1/transfers?expand[]=data.destination"), "/v1/transfers");
        CheckList("transfer_reversal", await GetAsync($"/v1/transfers/{transfer.Id}/reversals"), "/v1/transfers/{id}/reversals");
        CheckList("balance_transaction", await GetAsync("/v1/balance_transactions", account.Id), "/v1/balance_transactions");
        CheckList("balance_transaction", await GetAsync("/v1/balance_transactions"), "/v1/balance_transactions");
        CheckList("application_fee", await GetAsync("/v1/application_fees"), "/v1/application_fees");
        Check("application_fee", await GetAsync($"/v1/application_fees/{destination.ApplicationFeeId}?expand[]=balance_transaction"));
        Check("fee_refund", JsonDocument.Parse(feeRefund.StripeResponse.Content).RootElement);
        Check("refund", JsonDocument.Parse(destinationRefund.StripeResponse.Content).RootElement);
        Check("charge", await GetAsync($"/v1/charges/{destination.Id}?expand[]=application_fee&expand[]=transfer"));
        Check("charge", await GetAsync($"/v1/charges/{payment}", account.Id));
        Check("payment_intent", JsonDocument.Parse(captured.StripeResponse.Content).RootElement);
        Check("payment_intent", JsonDocument.Parse(canceled.StripeResponse.Content).RootElement);
        Check("dispute", await GetAsync($"/v1/disputes/{won}"));
        await WaitForEventsAsync(null, events => events.Any(e => e.Type == "charge.dispute.funds_reinstated"));

        var events = await QueryAsync<IReadOnlyList<SandboxEvent>>(async s => await s.Query<SandboxEvent>().ToListAsync());
        foreach (var stored in events)
        {
            CheckEvent(JsonDocument.Parse(stored.Payload).RootElement);
        }

        var types = events.Select(e => e.Type).Distinct().Order().ToList();
        EmittedTypes.Except(types).ShouldBeEmpty("event types the sandbox emits that this flow did not produce");
        _problems.ShouldBeEmpty($"answers or events break Stripe's schemas (event types seen: {string.Join(", ", types)})");
    }

    private async Task<Charge> PaidAsync(Session session)
    {
        await Host.Scenario(s => s.Post.Json(new { card = "4242424242424242" }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{session.Id}/pay"));
        var intent = await new PaymentIntentService(Stripe).GetAsync((await new SessionService(Stripe).GetAsync(session.Id)).PaymentIntentId);
        return await new ChargeService(Stripe).GetAsync(intent.LatestChargeId);
    }

    private Task<Session> CreateSessionAsync(SessionPaymentIntentDataOptions? intent = null) => new SessionService(Stripe).CreateAsync(new SessionCreateOptions
    {
        Mode = "payment", SuccessUrl = "https://shop.example/paid", PaymentIntentData = intent,
        LineItems = [new SessionLineItemOptions
        {
            Quantity = 1,
            PriceData = new SessionLineItemPriceDataOptions { Currency = "usd", UnitAmount = 5000, ProductData = new() { Name = "Font pack" } },
        }],
    });

    private void CheckEvent(JsonElement payload)
    {
        var label = $"event {payload.GetProperty("type").GetString()} ({payload.GetProperty("id").GetString()})";
        _problems.AddRange(StripeSpecSchemas.Problems("event", payload, label));
        var data = payload.GetProperty("data").GetProperty("object");
        var type = data.GetProperty("object").GetString()!;
        var schema = type == "account" && data.TryGetProperty("deleted", out _) ? "deleted_account" : type;
        _problems.AddRange(StripeSpecSchemas.Problems(schema, data, $"{label} data.object"));
    }

    private void Check(string schema, JsonElement answer) => _problems.AddRange(StripeSpecSchemas.Problems(schema, answer, schema));

    private void CheckList(string itemSchema, JsonElement list, string path)
    {
        _problems.AddRange(StripeSpecSchemas.ListProblems(path, list));
        list.GetProperty("object").GetString().ShouldBe("list");
        list.GetProperty("data").GetArrayLength().ShouldBeGreaterThan(0, $"a list of {itemSchema} to check");
        foreach (var item in list.GetProperty("data").EnumerateArray())
        {
            _problems.AddRange(StripeSpecSchemas.Problems(itemSchema, item, $"{itemSchema} in a list"));
        }
    }

    private async Task<JsonElement> GetAsync(string path, string? account = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/stripe-sandbox{path}");
            s.WithRequestHeader("Authorization", $"Bearer {StripeOptions.SandboxSecretKey}");
            if (account is not null)
            {
                s.WithRequestHeader("Stripe-Account", account);
            }
        });
        return result.ReadAsJson<JsonElement>();
    }
}
