using System.Net;
using System.Text.Json;
using Marketplace.Infrastructure.Payments;
using Microsoft.Extensions.DependencyInjection;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

public sealed class CheckoutTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    private const string SuccessUrl = "https://shop.example/orders/o-1/paid?session={CHECKOUT_SESSION_ID}";

    [Fact]
    public async Task Stripe_net_parses_a_checkout_session_that_points_at_the_hosted_checkout()
    {
        var session = await CreateSessionAsync();

        session.Id.ShouldStartWith("cs_test_");
        session.Url.ShouldBe($"http://localhost/stripe-sandbox/checkout/{session.Id}");
        session.Status.ShouldBe("open");
        session.PaymentStatus.ShouldBe("unpaid");
        session.Mode.ShouldBe("payment");
        session.AmountTotal.ShouldBe(3998);
        session.Currency.ShouldBe("usd");
        session.ClientReferenceId.ShouldBe("o-1");
        session.CustomerEmail.ShouldBe("buyer@shop.example");
        session.Metadata["order_id"].ShouldBe("o-1");
        session.PaymentIntentId.ShouldBeNull();
        (session.ExpiresAt - session.Created).ShouldBe(TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task Paying_with_4242_completes_the_session_and_redirects_to_the_success_url()
    {
        var session = await CreateSessionAsync();
        var page = (await Host.Scenario(s => s.Get.Url(PathOf(session.Url)))).ReadAsText();
        page.ShouldContain("Pay 39.98 USD");
        page.ShouldContain("Font pack");

        await Host.Scenario(s =>
        {
            s.Post.FormData(Card("4242 4242 4242 4242")).ToUrl(PathOf(session.Url));
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual($"https://shop.example/orders/o-1/paid?session={session.Id}");
        });

        var paid = await new SessionService(Stripe).GetAsync(session.Id,
            new SessionGetOptions { Expand = ["payment_intent.latest_charge.balance_transaction"] });
        paid.Status.ShouldBe("complete");
        paid.PaymentStatus.ShouldBe("paid");
        paid.Url.ShouldBeNull();
        paid.CustomerDetails.Email.ShouldBe("buyer@shop.example");
        paid.PaymentIntent.Status.ShouldBe("succeeded");
        paid.PaymentIntent.TransferGroup.ShouldBe("order_o-1");
        paid.PaymentIntent.Metadata["order_id"].ShouldBe("o-1");
        var charge = paid.PaymentIntent.LatestCharge;
        charge.Status.ShouldBe("succeeded");
        charge.PaymentMethodDetails.Card.Last4.ShouldBe("4242");
        charge.BalanceTransaction.Fee.ShouldBe(146);
        charge.BalanceTransaction.Net.ShouldBe(3998 - 146);
        var events = await WaitForEventsAsync(null, events => events.Count >= 4 && events.Take(4).All(Delivered));
        events.Take(4).Select(e => e.Type).ShouldBe(["payment_intent.created", "charge.succeeded", "payment_intent.succeeded", "checkout.session.completed"]);
        var secrets = Host.Services.GetRequiredService<WebhookSigningSecrets>();
        var completed = EventUtility.ConstructEvent(events[3].Payload, events[3].Attempts[0].Signature, secrets.Platform);
        ((Session)completed.Data.Object).PaymentIntentId.ShouldBe(paid.PaymentIntent.Id);
        completed.Account.ShouldBeNull();
    }

    [Fact]
    public async Task A_declined_card_shows_the_decline_and_leaves_the_session_open_for_another_card()
    {
        var session = await CreateSessionAsync();

        var declined = await Host.Scenario(s =>
        {
            s.Post.FormData(Card("4000 0000 0000 0002")).ToUrl(PathOf(session.Url));
            s.StatusCodeShouldBe(402);
        });

        declined.ReadAsText().ShouldContain("Your card was declined.");
        var open = await new SessionService(Stripe).GetAsync(session.Id);
        open.Status.ShouldBe("open");
        var intent = await new PaymentIntentService(Stripe).GetAsync(open.PaymentIntentId);
        intent.Status.ShouldBe("requires_payment_method");
        intent.LastPaymentError.DeclineCode.ShouldBe("generic_decline");
        var events = await WaitForEventsAsync(null, events => events.Count >= 3);
        events.Take(3).Select(e => e.Type).ShouldBe(["payment_intent.created", "charge.failed", "payment_intent.payment_failed"]);

        await Host.Scenario(s =>
        {
            s.Post.FormData(Card("4242424242424242")).ToUrl(PathOf(session.Url));
            s.StatusCodeShouldBe(302);
        });
        (await new PaymentIntentService(Stripe).GetAsync(open.PaymentIntentId)).Status.ShouldBe("succeeded");
    }

    [Fact]
    public async Task A_card_number_stripe_does_not_know_is_refused_without_a_charge()
    {
        var session = await CreateSessionAsync();

        var refused = await Host.Scenario(s =>
        {
            s.Post.FormData(Card("1234 5678 9012 3456")).ToUrl(PathOf(session.Url));
            s.StatusCodeShouldBe(402);
        });

        refused.ReadAsText().ShouldContain("Your card number is incorrect.");
        (await new SessionService(Stripe).GetAsync(session.Id)).PaymentIntentId.ShouldBeNull();
    }

    [Fact]
    public async Task An_expired_session_cannot_be_paid()
    {
        var session = await CreateSessionAsync();

        var expired = await new SessionService(Stripe).ExpireAsync(session.Id);

        expired.Status.ShouldBe("expired");
        (await Host.Scenario(s => s.Get.Url(PathOf(session.Url)))).ReadAsText().ShouldContain("This checkout session has expired");
        var refused = await Host.Scenario(s =>
        {
            s.Post.Json(new { card = "4242424242424242" }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{session.Id}/pay");
            s.StatusCodeShouldBe(409);
        });
        refused.ShouldBeProblem(409, Marketplace.Infrastructure.Web.ProblemTypes.Conflict);
        (await WaitForEventsAsync(null, events => events.Count >= 1))[0].Type.ShouldBe("checkout.session.expired");
    }

    [Fact]
    public async Task The_control_api_pays_a_session_or_answers_402_with_the_decline()
    {
        var session = await CreateSessionAsync();

        var declined = await Host.Scenario(s =>
        {
            s.Post.Json(new { card = "4000000000009995" }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{session.Id}/pay");
            s.StatusCodeShouldBe(402);
        });
        var paid = await Host.Scenario(s => s.Post.Json(new { card = "4242424242424242" }).ToUrl($"/stripe-sandbox/control/checkout/sessions/{session.Id}/pay"));

        declined.ReadAsJson<JsonElement>().GetProperty("declineCode").GetString().ShouldBe("insufficient_funds");
        paid.ReadAsJson<JsonElement>().GetProperty("payment_status").GetString().ShouldBe("paid");
    }

    [Fact]
    public async Task A_session_needs_line_items_with_price_data()
    {
        var refusal = await Should.ThrowAsync<StripeException>(() => new SessionService(Stripe).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment", SuccessUrl = SuccessUrl, LineItems = [new SessionLineItemOptions { Price = "price_123", Quantity = 1 }],
        }));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private Task<Session> CreateSessionAsync() => new SessionService(Stripe).CreateAsync(new SessionCreateOptions
    {
        Mode = "payment",
        LineItems =
        [
            new SessionLineItemOptions
            {
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = "usd", UnitAmount = 1999, ProductData = new SessionLineItemPriceDataProductDataOptions { Name = "Font pack" },
                },
                Quantity = 2,
            },
        ],
        SuccessUrl = SuccessUrl,
        CancelUrl = "https://shop.example/cart",
        ClientReferenceId = "o-1",
        CustomerEmail = "buyer@shop.example",
        Metadata = new Dictionary<string, string> { ["order_id"] = "o-1" },
        PaymentIntentData = new SessionPaymentIntentDataOptions
        {
            TransferGroup = "order_o-1", Metadata = new Dictionary<string, string> { ["order_id"] = "o-1" },
        },
    });

    private static Dictionary<string, string> Card(string number) => new()
    {
        ["email"] = "buyer@shop.example", ["card_number"] = number, ["card_expiry"] = "12 / 34", ["card_cvc"] = "123", ["card_name"] = "Jenny Rosen",
    };
}
