using Marketplace.Features.Orders;
using Marketplace.StripeSandbox.Events;
using System.Text.Json.Nodes;
using Marketplace.Infrastructure.Payments;
using Marketplace.Tests.Features.StripeWebhooks;
using Marten;

namespace Marketplace.Tests.Features.Orders;

/// <summary>Webhooks delivered again, at once and out of order; limited editions reserved at checkout and released when it expires.</summary>
public sealed class ReplayAndReservationTests(AppFixture fixture) : OrdersTest(fixture)
{
    [Fact]
    public async Task The_payment_webhooks_delivered_three_times_at_once_and_newest_first_give_one_paid_order_one_transfer_per_shop_one_receipt()
    {
        var glyphs = await SellerReadyToSellAsync("Glyph Foundry");
        var paper = await SellerReadyToSellAsync("Paper Mill");
        var buyer = await BuyerAsync();
        await AddAsync(buyer, (await ProductOfAsync(glyphs, "Icons", 1500)).Id);
        await AddAsync(buyer, (await ProductOfAsync(paper, "Textures", 2250)).Id);
        var checkout = await CheckoutAsync(buyer);

        try
        {
            // Paying emits four events (payment_intent.created, charge.succeeded, payment_intent.succeeded,
            // checkout.session.completed): held, then delivered newest first, each in three concurrent copies.
            await SendAsync(s => s.Post.Json(new { duplicate = 3, reorder = 4 }).ToUrl("/stripe-sandbox/control/faults"));
            await PayAsync(checkout);
            var order = await FulfilledAsync(checkout.OrderId);
            await MessagesSettledAsync();

            var paidEvents = await QueryAsync<IReadOnlyList<SandboxEvent>>(async q => await q.Query<SandboxEvent>()
                .Where(e => e.Type == "checkout.session.completed" || e.Type == "payment_intent.succeeded").ToListAsync());
            paidEvents.Count.ShouldBe(2);
            paidEvents.ShouldAllBe(e => e.Attempts.Count(a => a.Succeeded) == 3);
            var stream = await QueryAsync(q => q.Events.FetchStreamAsync(order.Id));
            stream.Count(e => e.Data is OrderPaid).ShouldBe(1);
            stream.Count(e => e.Data is OrderFulfilled).ShouldBe(1);
            stream.Where(e => e.Data is ShopTransferred).Select(e => ((ShopTransferred)e.Data).ShopId).ShouldBe([glyphs.Shop.Id, paper.Shop.Id], ignoreOrder: true);
            (await QueryAsync<IReadOnlyList<SandboxEvent>>(async q => await q.Query<SandboxEvent>().Where(e => e.Type == "transfer.created").ToListAsync())).Count.ShouldBe(2);
            (await EntitlementsOfAsync(buyer)).Count.ShouldBe(2);
            (await MailsToAsync(buyer.Email)).Count.ShouldBe(1);
            (await MailsToAsync(glyphs.Owner.Email)).Count(m => m.Subject.Contains("made a sale", StringComparison.Ordinal)).ShouldBe(1);
        }
        finally
        {
            await SendAsync(s => s.Delete.Url("/stripe-sandbox/control/faults"));
        }
    }

    [Fact]
    public async Task An_expired_checkout_releases_its_limited_edition_copy_and_gives_the_cart_back()
    {
        var seller = await SellerReadyToSellAsync();
        var print = await ProductOfAsync(seller, "Print", 5000, editionSize: 1);
        var first = await BuyerAsync();
        var second = await BuyerAsync();
        await AddAsync(first, print.Id);
        var checkout = await CheckoutAsync(first);
        (await AddAsync(second, print.Id, status: 409)).ShouldBeProblem(409, OrderProblems.SoldOutType);

        await new Stripe.Checkout.SessionService(Stripe()).ExpireAsync(SessionIdOf(checkout));

        (await StatusAsync(checkout.OrderId, OrderStatus.Expired)).ClosedAt.ShouldNotBeNull();
        (await QueryAsync(q => q.LoadAsync<EditionStock>(print.Id)))!.Held.ShouldBeEmpty();
        (await CartAsync(first)).Lines.Select(l => l.ProductId).ShouldBe([print.Id]);
        (await AddAsync(second, print.Id)).ReadAsJson<CartView>()!.Lines.Single().EditionRemaining.ShouldBe(1);
        (await EntitlementsOfAsync(first)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_payment_that_lands_after_its_checkout_expired_grants_nothing_and_is_refunded_in_full()
    {
        var seller = await SellerReadyToSellAsync();
        var print = await ProductOfAsync(seller, "Print", 5000, editionSize: 1);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, print.Id);
        var checkout = await CheckoutAsync(buyer);
        try
        {
            // The payment's events are held while the order closes (its expiry delivered first), then let through.
            await SendAsync(s => s.Post.Json(new { reorder = 20 }).ToUrl("/stripe-sandbox/control/faults"));
            await PayAsync(checkout);
            var expired = SignedEvents.Event("checkout.session.expired", new JsonObject
            {
                ["id"] = SessionIdOf(checkout), ["object"] = "checkout.session", ["status"] = "expired", ["payment_status"] = "unpaid",
                ["metadata"] = new JsonObject { ["order_id"] = checkout.OrderId.ToString() },
            });
            await DeliverAsync(expired, SignedEvents.Signature(expired, StripeOptions.DevelopmentWebhookSecret));
            await StatusAsync(checkout.OrderId, OrderStatus.Expired);
        }
        finally
        {
            await SendAsync(s => s.Delete.Url("/stripe-sandbox/control/faults"));
        }

        var order = await Eventually.ValueAsync(async () => (await OrderAsync(checkout.OrderId))!, o => o.RefundsDone.Count == 1, 60);
        await MessagesSettledAsync();
        order = (await OrderAsync(order.Id))!;
        order.Status.ShouldBe(OrderStatus.Expired);
        var stream = await QueryAsync(q => q.Events.FetchStreamAsync(order.Id));
        stream.Select(e => e.Data).OfType<PaymentAfterClose>().ShouldHaveSingleItem().ChargeId.ShouldBe(order.ChargeId);
        stream.Select(e => e.Data).OfType<RefundRequested>().ShouldHaveSingleItem().Cause.ShouldBe(RefundCauses.PaymentAfterClose);
        var refunds = await new Stripe.RefundService(Stripe()).ListAsync(new Stripe.RefundListOptions { Charge = order.ChargeId });
        refunds.Data.ShouldHaveSingleItem().Amount.ShouldBe(5000);
        order.Transfers.ShouldBeEmpty();
        (await EntitlementsOfAsync(buyer)).ShouldBeEmpty();
        (await QueryAsync(q => q.LoadAsync<EditionStock>(print.Id)))!.Sold.ShouldBe(0);
    }

    [Fact]
    public async Task Twenty_buyers_checking_out_the_last_copy_at_once_leave_exactly_one_order_that_pays()
    {
        var seller = await SellerReadyToSellAsync();
        var print = await ProductOfAsync(seller, "Print", 5000, editionSize: 1);
        var buyers = new List<Member>();
        for (var i = 0; i < 20; i++)
        {
            var buyer = await BuyerOnOwnAddressAsync();
            await AddAsync(buyer, print.Id);
            buyers.Add(buyer);
        }

        var answers = await Task.WhenAll(buyers.Select(buyer => AsUserAsync(buyer.Token, s =>
        {
            s.Post.Url("/api/checkout");
            s.IgnoreStatusCode();
        })));

        answers.Count(a => a.Context.Response.StatusCode == 200).ShouldBe(1);
        var refused = answers.Where(a => a.Context.Response.StatusCode != 200).ToList();
        refused.Count.ShouldBe(19);
        // Told at reservation (sold-out), or when the cart is re-read and its one line dropped as sold out (cart-empty).
        refused.Select(a => $"{a.Context.Response.StatusCode} {a.ReadAsText()}")
            .Where(answer => !answer.StartsWith("409 ", StringComparison.Ordinal)
                || !(answer.Contains(OrderProblems.SoldOutType, StringComparison.Ordinal) || answer.Contains("sold out", StringComparison.Ordinal)))
            .ShouldBeEmpty("every other buyer is told the last copy is gone");
        (await QueryAsync(q => q.Query<Order>().CountAsync())).ShouldBe(1);
        var winner = answers.Single(a => a.Context.Response.StatusCode == 200).ReadAsJson<Checkout.Response>()!;
        await PayAsync(winner);
        await FulfilledAsync(winner.OrderId);
        var stock = (await QueryAsync(q => q.LoadAsync<EditionStock>(print.Id)))!;
        stock.Sold.ShouldBe(1);
        stock.Held.ShouldBeEmpty();
        (await QueryAsync(q => q.Query<Entitlement>().CountAsync())).ShouldBe(1);
    }
}
