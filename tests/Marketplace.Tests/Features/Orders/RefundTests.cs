using Marketplace.Features.Orders;
using Stripe;

namespace Marketplace.Tests.Features.Orders;

/// <summary>Refunds through the API and in Stripe's dashboard, moving money on the sandbox over HTTP with signed webhooks.</summary>
public sealed class RefundTests(AppFixture fixture) : RefundsTest(fixture)
{
    [Fact]
    public async Task A_partial_refund_of_one_line_reverses_only_that_sellers_share_and_revokes_only_that_line()
    {
        var paid = await PaidTwoShopOrderAsync();
        var glyphsBefore = await PendingBalanceOfAsync(paid.Glyphs);
        var paperBefore = await PendingBalanceOfAsync(paid.Paper);

        var answer = await RefundAsync(paid.Glyphs.Owner, paid.Order.Id, new { lines = new[] { paid.LineOf(paid.Icons) }, reason = "The icons were blurry." });

        answer.ReadAsJson<RefundOrder.Response>()!.Amount.ShouldBe(1500);
        var entitlements = await EntitlementsOfOrderAsync(paid.Order.Id);
        entitlements.Single(e => e.ProductId == paid.Icons).State.ShouldBe(EntitlementState.Revoked);
        entitlements.Where(e => e.ProductId != paid.Icons).ShouldAllBe(e => e.State == EntitlementState.Active);
        var order = await MoneyMovedAsync(paid.Order.Id);
        order.Status.ShouldBe(OrderStatus.PartlyRefunded);
        var refund = (await RefundsOfChargeAsync(order.ChargeId!)).ShouldHaveSingleItem();
        refund.Amount.ShouldBe(1500);
        refund.Metadata["order_id"].ShouldBe(order.Id.ToString());
        // Glyph Foundry's fee is 280 on 24.99; the platform gives back 280 × 1500 / 2499 = 168.07 → 168 and the shop 1500 − 168.
        var glyphsTransfer = await TransferOfAsync(order, paid.Glyphs);
        glyphsTransfer.Reversals.Data.ShouldHaveSingleItem().Amount.ShouldBe(1332);
        (await TransferOfAsync(order, paid.Paper)).AmountReversed.ShouldBe(0);
        (await PendingBalanceOfAsync(paid.Glyphs)).ShouldBe(glyphsBefore - 1332);
        (await PendingBalanceOfAsync(paid.Paper)).ShouldBe(paperBefore);
        var shop = order.Refunds.Single().Shops.ShouldHaveSingleItem();
        (shop.FeeReturned + shop.Reversal).ShouldBe(1500);
        (await GetOrderAsync(paid.Buyer, order.Id)).Timeline!.Select(s => s.Type).ShouldContain("refund_requested");
    }

    [Fact]
    public async Task A_whole_order_refund_of_a_two_shop_order_by_an_admin_reverses_both_transfers_and_the_platform_returns_its_fee()
    {
        var paid = await PaidTwoShopOrderAsync();
        var admin = await MemberAsync("admin", Marketplace.Features.Accounts.Roles.Admin);

        await RefundAsync(admin, paid.Order.Id, new { reason = "Order placed by mistake." });

        var order = await MoneyMovedAsync(paid.Order.Id);
        order.Status.ShouldBe(OrderStatus.Refunded);
        (await RefundsOfChargeAsync(order.ChargeId!)).ShouldHaveSingleItem().Amount.ShouldBe(4749);
        foreach (var (seller, share) in new[] { (paid.Glyphs, order.Shops.Single(s => s.ShopId == paid.Glyphs.Shop.Id)), (paid.Paper, order.Shops.Single(s => s.ShopId == paid.Paper.Shop.Id)) })
        {
            var transfer = await TransferOfAsync(order, seller);
            transfer.AmountReversed.ShouldBe(share.Share);
            transfer.Reversed.ShouldBeTrue();
        }

        order.Refunds.Single().Shops.Sum(s => s.FeeReturned).ShouldBe(order.PlatformFee);
        (await EntitlementsOfOrderAsync(order.Id)).ShouldAllBe(e => e.State == EntitlementState.Revoked);
        (await GetOrderAsync(paid.Buyer, order.Id)).Status.ShouldBe("refunded");
    }

    [Fact]
    public async Task A_second_identical_refund_request_is_refused_and_nothing_moves_twice()
    {
        var paid = await PaidTwoShopOrderAsync();
        var body = new { lines = new[] { paid.LineOf(paid.Textures) }, reason = "Wrong format." };
        await RefundAsync(paid.Paper.Owner, paid.Order.Id, body);
        await MoneyMovedAsync(paid.Order.Id);

        (await RefundAsync(paid.Paper.Owner, paid.Order.Id, body, 409)).ShouldBeProblem(409, OrderProblems.AlreadyRefundedType);

        await MessagesSettledAsync();
        var order = (await OrderAsync(paid.Order.Id))!;
        order.Refunds.Count.ShouldBe(1);
        (await RefundsOfChargeAsync(order.ChargeId!)).ShouldHaveSingleItem();
        (await TransferOfAsync(order, paid.Paper)).Reversals.Data.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Ten_concurrent_identical_refund_requests_make_one_refund()
    {
        var paid = await PaidTwoShopOrderAsync();
        var body = new { lines = new[] { paid.LineOf(paid.Icons), paid.LineOf(paid.Brushes) }, reason = "Duplicate purchase." };

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => AsUserAsync(paid.Glyphs.Owner.Token, s =>
        {
            s.Post.Json(body).ToUrl($"/api/orders/{paid.Order.Id}/refunds");
            s.IgnoreStatusCode();
        })));

        answers.Select(a => a.Context.Response.StatusCode).Order().ShouldBe([202, .. Enumerable.Repeat(409, 9)]);
        var order = await MoneyMovedAsync(paid.Order.Id);
        await MessagesSettledAsync();
        (await RefundsOfChargeAsync(order.ChargeId!)).ShouldHaveSingleItem().Amount.ShouldBe(2499);
        (await TransferOfAsync(order, paid.Glyphs)).Reversals.Data.ShouldHaveSingleItem().Amount.ShouldBe(2219);
        (await OrderAsync(paid.Order.Id))!.Refunds.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_refund_made_in_the_dashboard_is_reconciled_once_when_charge_refunded_arrives_three_times()
    {
        var paid = await PaidTwoShopOrderAsync();
        var newest = paid.Order.Lines.MaxBy(l => l.Number)!;
        try
        {
            await SendAsync(s => s.Post.Json(new { duplicate = 3 }).ToUrl("/stripe-sandbox/control/faults"));
            await new RefundService(Stripe()).CreateAsync(new RefundCreateOptions { Charge = paid.Order.ChargeId, Amount = newest.Amount });
            var order = await MoneyMovedAsync(paid.Order.Id);
            await MessagesSettledAsync();

            var refunded = (await SandboxEventsAsync("charge.refunded")).ShouldHaveSingleItem();
            refunded.Attempts.Count(a => a.Succeeded).ShouldBe(3);
            order = (await OrderAsync(order.Id))!;
            var request = order.Refunds.ShouldHaveSingleItem();
            request.Cause.ShouldBe(RefundCauses.Dashboard);
            request.Lines.ShouldBe([new LineRefund(newest.Number, newest.Amount)]);
            (await RefundsOfChargeAsync(order.ChargeId!)).ShouldHaveSingleItem();
            var seller = newest.ShopId == paid.Glyphs.Shop.Id ? paid.Glyphs : paid.Paper;
            (await TransferOfAsync(order, seller)).Reversals.Data.ShouldHaveSingleItem().Amount.ShouldBe(request.Shops.Single().Reversal);
            var entitlements = await EntitlementsOfOrderAsync(order.Id);
            entitlements.Single(e => e.Line == newest.Number).State.ShouldBe(EntitlementState.Revoked);
            entitlements.Where(e => e.Line != newest.Number).ShouldAllBe(e => e.State == EntitlementState.Active);
        }
        finally
        {
            await SendAsync(s => s.Delete.Url("/stripe-sandbox/control/faults"));
        }
    }

    private async Task<OrderView> GetOrderAsync(Member buyer, Guid orderId) =>
        (await AsUserAsync(buyer.Token, s => s.Get.Url($"/api/orders/{orderId}"))).ReadAsJson<OrderView>()!;
}
