using Alba;
using Marketplace.Features.Payouts;
using Marketplace.StripeSandbox.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// What sandbox tests share: the app's own <see cref="IStripeClient"/> (Stripe.net pointed at the sandbox, over the
/// test server), accounts created as the marketplace creates them, and waiting for the sandbox's events.
/// Delivery faults are cleared before and after each test.
/// </summary>
public abstract class StripeSandboxTest(AppFixture fixture) : IntegrationTest(fixture)
{
    private AsyncServiceScope _scope;

    protected IStripeClient Stripe => _scope.ServiceProvider.GetRequiredService<IStripeClient>();

    protected SandboxFaults Faults => Host.Services.GetRequiredService<SandboxFaults>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Faults.Clear();
        _scope = Host.Services.CreateAsyncScope();
    }

    public override async Task DisposeAsync()
    {
        Faults.Clear();
        await _scope.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>An account with the controller properties of the Express dashboard, made by the Payouts feature's own options.</summary>
    protected Task<Account> CreateExpressAccountAsync(string name = "Glyph Foundry", RequestOptions? options = null)
    {
        var create = ConnectedAccounts.ExpressAccountOptions("seller@marketplace.localhost", name, Guid.Empty);
        create.Metadata["shop_id"] = "42";
        return new AccountService(Stripe).CreateAsync(create, options);
    }

    protected Task<AccountLink> OnboardingLinkAsync(string accountId) =>
        new AccountLinkService(Stripe).CreateAsync(new AccountLinkCreateOptions
        {
            Account = accountId,
            Type = "account_onboarding",
            RefreshUrl = "https://shop.example/payouts/refresh",
            ReturnUrl = "https://shop.example/payouts/return",
        });

    /// <summary>Finishes onboarding through the control API, as a test without a browser does.</summary>
    protected Task<IScenarioResult> ControlOnboardingAsync(string accountId, string outcome = "complete") => Host.Scenario(s =>
    {
        s.Post.Json(new { outcome }).ToUrl($"/stripe-sandbox/control/accounts/{accountId}/onboarding");
        s.StatusCodeShouldBe(200);
    });

    protected Task<IScenarioResult> CreditAsync(string accountId, long amount) => Host.Scenario(s =>
    {
        s.Post.Json(new { amount }).ToUrl($"/stripe-sandbox/control/accounts/{accountId}/balance");
        s.StatusCodeShouldBe(200);
    });

    /// <summary>A checkout session paid with <paramref name="card"/> through the control API; its payment intent.</summary>
    protected async Task<PaymentIntent> PayCheckoutAsync(long amount, string card = "4242424242424242", string? transferGroup = null)
    {
        var sessions = new Stripe.Checkout.SessionService(Stripe);
        var session = await sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = "https://shop.example/paid",
            LineItems =
            [
                new Stripe.Checkout.SessionLineItemOptions
                {
                    PriceData = new Stripe.Checkout.SessionLineItemPriceDataOptions
                    {
                        Currency = "usd", UnitAmount = amount, ProductData = new Stripe.Checkout.SessionLineItemPriceDataProductDataOptions { Name = "Font pack" },
                    },
                    Quantity = 1,
                },
            ],
            PaymentIntentData = transferGroup is null ? null : new Stripe.Checkout.SessionPaymentIntentDataOptions { TransferGroup = transferGroup },
        });
        await Host.Scenario(s => s.Post.Json(new { card }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{session.Id}/pay"));
        return await new PaymentIntentService(Stripe).GetAsync((await sessions.GetAsync(session.Id)).PaymentIntentId);
    }

    protected Task<IReadOnlyList<SandboxEvent>> EventsAsync(string? accountId) => QueryAsync<IReadOnlyList<SandboxEvent>>(async session =>
        await session.Query<SandboxEvent>().Where(e => e.Account == accountId).OrderBy(e => e.CreatedAt).ToListAsync());

    /// <summary>The account's events once <paramref name="done"/> holds (they are delivered in the background).</summary>
    protected async Task<IReadOnlyList<SandboxEvent>> WaitForEventsAsync(string? accountId, Func<IReadOnlyList<SandboxEvent>, bool> done, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var events = await EventsAsync(accountId);
            if (done(events))
            {
                return events;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join(", ", events.Select(e => $"{e.Type} ({e.Attempts.Count} attempts)"));
                throw new TimeoutException($"The sandbox events did not get there within {seconds} s. Seen: {seen}");
            }

            await Task.Delay(100);
        }
    }

    protected static bool Delivered(SandboxEvent e) => e.Attempts.Count > 0;

    protected static string PathOf(string url) => new Uri(url).PathAndQuery;
}
