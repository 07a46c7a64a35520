using Marketplace.Features.Accounts;
using Marketplace.Features.Orders;
using Stripe;

namespace Marketplace.Tests.Features.Orders;

/// <summary>
/// Disputes on the sandbox, opened by its control API (the test card 4000 0000 0000 0259's dispute is the sandbox's own
/// tests' concern); Stripe's evidence trick wins or loses them.
/// </summary>
public sealed class DisputeTests(AppFixture fixture) : RefundsTest(fixture)
{
    [Fact]
    public async Task A_dispute_freezes_the_orders_entitlements_tells_the_sellers_and_admins_and_winning_it_restores_them()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var paid = await PaidTwoShopOrderAsync();
        await Host.Scenario(s => s.Post.Json(new { reason = "fraudulent" }).ToUrl($"/stripe-sandbox/control/charges/{paid.Order.ChargeId}/dispute"));

        var order = await DisputedAsync(paid);

        await MessagesSettledAsync();
        (await MailsToAsync(paid.Glyphs.Owner.Email)).ShouldContain(m => m.Subject.Contains("is disputed", StringComparison.Ordinal));
        (await MailsToAsync(paid.Paper.Owner.Email)).ShouldContain(m => m.Subject.Contains("is disputed", StringComparison.Ordinal));
        (await MailsToAsync(admin.Email)).Count(m => m.Subject.Contains("is disputed", StringComparison.Ordinal)).ShouldBe(1);

        await SubmitEvidenceAsync(order.DisputeId!, "winning_evidence");

        await Eventually.ValueAsync(() => EntitlementsOfOrderAsync(order.Id), es => es.All(e => e.State == EntitlementState.Active), 60);
        order = (await OrderAsync(order.Id))!;
        order.Status.ShouldBe(OrderStatus.Fulfilled);
        order.Refunds.ShouldBeEmpty();
        (await TransferOfAsync(order, paid.Glyphs)).AmountReversed.ShouldBe(0);
    }

    [Fact]
    public async Task A_lost_dispute_revokes_the_entitlements_and_reverses_each_sellers_transfer_by_its_share()
    {
        var paid = await PaidTwoShopOrderAsync();
        await Host.Scenario(s => s.Post.Json(new { reason = "fraudulent" }).ToUrl($"/stripe-sandbox/control/charges/{paid.Order.ChargeId}/dispute"));
        var order = await DisputedAsync(paid);

        await SubmitEvidenceAsync(order.DisputeId!, "losing_evidence");

        order = await MoneyMovedAsync(order.Id);
        order.Status.ShouldBe(OrderStatus.Refunded);
        order.Refunds.Single().Cause.ShouldBe(RefundCauses.DisputeLost);
        (await RefundsOfChargeAsync(order.ChargeId!)).ShouldBeEmpty();
        foreach (var seller in new[] { paid.Glyphs, paid.Paper })
        {
            (await TransferOfAsync(order, seller)).AmountReversed.ShouldBe(order.Shops.Single(s => s.ShopId == seller.Shop.Id).Share);
        }

        (await EntitlementsOfOrderAsync(order.Id)).ShouldAllBe(e => e.State == EntitlementState.Revoked);
        await MessagesSettledAsync();
        (await OrderAsync(order.Id))!.Refunds.Count.ShouldBe(1);
    }

    private async Task<Order> DisputedAsync(PaidOrder paid)
    {
        try
        {
            await Eventually.ValueAsync(() => EntitlementsOfOrderAsync(paid.Order.Id), es => es.Count == 3 && es.All(e => e.State == EntitlementState.Frozen), 60);
        }
        catch (TimeoutException)
        {
            // This wait once timed out on a loaded machine and never again since: say what the entitlements and Stripe's events were.
            var records = await QueryAsync<IReadOnlyList<Marketplace.Features.StripeWebhooks.StripeEventRecord>>(async q =>
                await Marten.QueryableExtensions.ToListAsync(q.Query<Marketplace.Features.StripeWebhooks.StripeEventRecord>()));
            var states = string.Join(" | ", (await EntitlementsOfOrderAsync(paid.Order.Id)).Select(e => e.State));
            throw new TimeoutException($"Entitlements: {states}. Events:\n" + string.Join("\n", records.Select(r => $"{r.Type} {r.Status} {r.Attempts} {r.Error}")));
        }

        return await StatusAsync(paid.Order.Id, OrderStatus.Disputed);
    }

    private Task SubmitEvidenceAsync(string disputeId, string evidence) => new DisputeService(Stripe()).UpdateAsync(disputeId,
        new DisputeUpdateOptions { Evidence = new DisputeEvidenceOptions { UncategorizedText = evidence } });
}
