using System.Text.Json;
using Marketplace.Infrastructure.Payments;
using Marketplace.Testing;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// Every object the sandbox answers carries every field of Stripe's own example of that object
/// (<c>stripe-objects.json</c>, from Stripe's published fixtures) with the same JSON type, so any Stripe client
/// library reads it as it reads Stripe's. A null on either side is accepted: those fields are nullable on Stripe.
/// </summary>
public sealed class ObjectShapeTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    private static readonly JsonElement Reference = JsonDocument.Parse(
        System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Marketplace.Tests", "StripeSandbox", "stripe-objects.json"))).RootElement;

    private readonly List<string> _mismatches = [];

    [Fact]
    public async Task Every_object_has_the_fields_and_json_types_of_stripes_own()
    {
        var account = await CreateExpressAccountAsync();
        var link = await OnboardingLinkAsync(account.Id);
        await ControlOnboardingAsync(account.Id);
        var session = await new SessionService(Stripe).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment", SuccessUrl = "https://shop.example/paid",
            LineItems = [new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions { Currency = "usd", UnitAmount = 5000, ProductData = new() { Name = "Font pack" } },
            }],
        });
        await Host.Scenario(s => s.Post.Json(new { card = "4242424242424242" }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{session.Id}/pay"));
        var intent = await new PaymentIntentService(Stripe).GetAsync((await new SessionService(Stripe).GetAsync(session.Id)).PaymentIntentId);
        var charge = await new ChargeService(Stripe).GetAsync(intent.LatestChargeId);
        var refund = await new RefundService(Stripe).CreateAsync(new RefundCreateOptions { Charge = charge.Id, Amount = 500 });
        var transfer = await new TransferService(Stripe).CreateAsync(new TransferCreateOptions
        {
            Amount = 1000, Currency = "usd", Destination = account.Id, SourceTransaction = charge.Id,
        });
        var reversal = await new TransferReversalService(Stripe).CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 100 });
        await Host.Scenario(s => s.Post.Json(new { days = 2 }).ToUrl("/stripe-sandbox/control/clock/advance")); // the transfer's funds become available
        var payout = await new PayoutService(Stripe).CreateAsync(new PayoutCreateOptions { Amount = 300, Currency = "usd" },
            new RequestOptions { StripeAccount = account.Id });
        var dispute = (await Host.Scenario(s => s.Post.Json(new { reason = "fraudulent" }).ToUrl($"/stripe-sandbox/control/charges/{charge.Id}/dispute")))
            .ReadAsJson<JsonElement>();
        var loginLink = await new AccountLoginLinkService(Stripe).CreateAsync(account.Id);
        var events = await WaitForEventsAsync(account.Id, events => events.Count > 0);

        ShouldMatch("account", await GetAsync($"/v1/accounts/{account.Id}"));
        ShouldMatch("account_link", JsonDocument.Parse(link.StripeResponse.Content).RootElement);
        ShouldMatch("login_link", JsonDocument.Parse(loginLink.StripeResponse.Content).RootElement);
        ShouldMatch("balance", await GetAsync("/v1/balance", account.Id));
        ShouldMatch("balance_transaction", await GetAsync($"/v1/balance_transactions/{charge.BalanceTransactionId}"));
        ShouldMatch("payout", await GetAsync($"/v1/payouts/{payout.Id}", account.Id));
        ShouldMatch("checkout.session", await GetAsync($"/v1/checkout/sessions/{session.Id}"));
        ShouldMatch("payment_intent", await GetAsync($"/v1/payment_intents/{intent.Id}"));
        ShouldMatch("charge", await GetAsync($"/v1/charges/{charge.Id}"));
        ShouldMatch("refund", await GetAsync($"/v1/refunds/{refund.Id}"));
        ShouldMatch("transfer", await GetAsync($"/v1/transfers/{transfer.Id}"));
        ShouldMatch("transfer_reversal", JsonDocument.Parse(reversal.StripeResponse.Content).RootElement);
        ShouldMatch("dispute", await GetAsync($"/v1/disputes/{dispute.GetProperty("id").GetString()}"));
        ShouldMatch("event", JsonDocument.Parse(events[0].Payload).RootElement, skip: "data.object");

        _mismatches.ShouldBeEmpty("the sandbox's objects differ from Stripe's examples");
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

    private void ShouldMatch(string name, JsonElement actual, string? skip = null) =>
        Compare(Reference.GetProperty(name), actual, name, skip is null ? null : $"{name}.{skip}", _mismatches);

    private static void Compare(JsonElement expected, JsonElement actual, string path, string? skip, List<string> mismatches)
    {
        if (path == skip || expected.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (Kind(expected) != Kind(actual))
        {
            mismatches.Add($"{path}: {actual.ValueKind} where Stripe has {expected.ValueKind}");
            return;
        }

        if (expected.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in expected.EnumerateObject())
            {
                if (actual.TryGetProperty(field.Name, out var value))
                {
                    Compare(field.Value, value, $"{path}.{field.Name}", skip, mismatches);
                }
                else
                {
                    mismatches.Add($"{path}.{field.Name} is missing");
                }
            }
        }
        else if (expected.ValueKind == JsonValueKind.Array && expected.GetArrayLength() > 0 && actual.GetArrayLength() > 0)
        {
            Compare(expected[0], actual[0], $"{path}[0]", skip, mismatches);
        }
    }

    private static JsonValueKind Kind(JsonElement element) => element.ValueKind is JsonValueKind.False ? JsonValueKind.True : element.ValueKind;
}
