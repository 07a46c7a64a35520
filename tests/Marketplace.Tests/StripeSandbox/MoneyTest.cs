using System.Text.Json;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// What the money tests share: onboarded sellers, paid Checkout Sessions (destination charges and separate transfers
/// alike), the sandbox's clock, and balances read through Stripe.net as the marketplace reads them.
/// </summary>
public abstract class MoneyTest(AppFixture fixture) : StripeSandboxTest(fixture)
{
    /// <summary>Stripe's card fee on a payment of 100.00 usd: 2.9% plus 30 cents.</summary>
    protected const long CardFeeOn10000 = 320;

    protected const long TwoDays = 2 * 24 * 60 * 60;

    protected sealed record Funds(long Available, long Pending);

    protected async Task<Account> OnboardedAccountAsync(string name)
    {
        var account = await CreateExpressAccountAsync(name);
        await ControlOnboardingAsync(account.Id);
        return account;
    }

    /// <summary>A Checkout Session for the given line amounts (one line each), created as the marketplace creates one.</summary>
    protected Task<Session> CheckoutAsync(long[] lines, SessionPaymentIntentDataOptions? intent = null, RequestOptions? options = null) =>
        new SessionService(Stripe).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = "https://shop.example/paid",
            PaymentIntentData = intent,
            LineItems = [.. lines.Select((amount, i) => new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = "usd", UnitAmount = amount, ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"Font pack {i + 1}" },
                },
            })],
        }, options);

    /// <summary>Pays the session with the card (control API, as the hosted page would) and answers its payment intent.</summary>
    protected async Task<PaymentIntent> PayAsync(Session session, string card = "4242424242424242")
    {
        await Host.Scenario(s =>
        {
            s.Post.Json(new { card }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{session.Id}/pay");
            s.StatusCodeShouldBe(200);
        });
        var paid = await new SessionService(Stripe).GetAsync(session.Id);
        return await new PaymentIntentService(Stripe).GetAsync(paid.PaymentIntentId);
    }

    protected Task<Charge> ChargeAsync(string chargeId, string? account = null) =>
        new ChargeService(Stripe).GetAsync(chargeId, requestOptions: account is null ? null : new RequestOptions { StripeAccount = account });

    /// <summary>The account's usd funds (the platform's without an account).</summary>
    protected async Task<Funds> FundsAsync(string? account = null)
    {
        var balance = await new BalanceService(Stripe).GetAsync(account is null ? null : new RequestOptions { StripeAccount = account });
        return new Funds(balance.Available.Single(a => a.Currency == "usd").Amount, balance.Pending.Single(p => p.Currency == "usd").Amount);
    }

    protected Task<BalanceTransaction> BalanceTransactionAsync(string id, string? account = null) =>
        new BalanceTransactionService(Stripe).GetAsync(id, requestOptions: account is null ? null : new RequestOptions { StripeAccount = account });

    /// <summary>Moves the sandbox's clock forward; answers its time (unix seconds) after.</summary>
    protected async Task<long> AdvanceClockAsync(int days = 0, int hours = 0, long seconds = 0)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { days, hours, seconds }).ToUrl("/stripe-sandbox/control/clock/advance");
            s.StatusCodeShouldBe(200);
        });
        return result.ReadAsJson<JsonElement>().GetProperty("now").GetInt64();
    }

    /// <summary>Opens a dispute on the charge through the control API (for what it has not refunded), answering its id.</summary>
    protected async Task<string> OpenDisputeAsync(string chargeId)
    {
        var opened = await Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "fraudulent" }).ToUrl($"/stripe-sandbox/control/charges/{chargeId}/dispute");
            s.StatusCodeShouldBe(200);
        });
        return opened.ReadAsJson<JsonElement>().GetProperty("id").GetString()!;
    }

    protected static async Task<StripeException> RefusedAsync(Func<Task> call)
    {
        var refusal = await Should.ThrowAsync<StripeException>(call);
        refusal.HttpStatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        return refusal;
    }
}
