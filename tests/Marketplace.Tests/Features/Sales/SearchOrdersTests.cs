using Marketplace.Features.Accounts;
using Marketplace.Features.Sales;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Tests.Features.Sales;

/// <summary>Admins find an order by any of its keys and read its events and Stripe ids.</summary>
public sealed class SearchOrdersTests(AppFixture fixture) : SalesTest(fixture)
{
    [Fact]
    public async Task An_admin_finds_a_paid_order_by_each_kind_of_key_with_its_events_and_stripe_ids()
    {
        var paid = await PaidTwoShopOrderAsync();
        var order = paid.Order;
        var admin = await MemberAsync("admin", Roles.Admin);
        string[] keys =
        [
            order.Id.ToString(), paid.Buyer.Email.ToUpperInvariant(), order.CheckoutSessionId!, order.PaymentIntentId!, order.ChargeId!,
            .. order.Transfers.Values,
        ];
        keys.Length.ShouldBe(7);

        foreach (var key in keys)
        {
            var found = await SearchAsync(admin, key);

            var hit = found.ShouldHaveSingleItem();
            hit.OrderId.ShouldBe(order.Id);
            hit.BuyerEmail.ShouldBe(paid.Buyer.Email);
            hit.Stripe.ChargeId.ShouldBe(order.ChargeId);
            hit.Stripe.Transfers.Count.ShouldBe(2);
            hit.Events.Select(e => e.Type).ShouldContain("order_paid");
            hit.Events.Count(e => e.Type == "shop_transferred").ShouldBe(2);
        }

        (await SearchAsync(admin, "pi_unknown")).ShouldBeEmpty();
        (await SearchAsync(admin, Guid.NewGuid().ToString())).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_admin_page_shows_the_order_with_its_stripe_ids()
    {
        var paid = await PaidTwoShopOrderAsync();
        var admin = await MemberAsync("admin", Roles.Admin);
        var cookie = await SignInCookieAsync(admin.Email);

        var page = await SendAsync(s =>
        {
            s.Get.Url($"/admin/orders?q={paid.Order.ChargeId}");
            s.WithRequestHeader("Cookie", cookie);
        });

        var html = page.ReadAsText();
        html.ShouldContain(paid.Order.Id.ToString());
        html.ShouldContain(paid.Order.PaymentIntentId!);
        foreach (var transfer in paid.Order.Transfers.Values)
        {
            html.ShouldContain(transfer);
        }
    }

    [Fact]
    public async Task An_admin_finds_an_order_by_its_refund_and_transfer_reversal_ids_too()
    {
        var paid = await PaidTwoShopOrderAsync();
        var admin = await MemberAsync("admin", Roles.Admin);
        await AsUserAsync(paid.Glyphs.Owner.Token, s =>
        {
            s.Post.Json(new { lines = new[] { paid.Order.Lines.Single(l => l.ProductId == paid.IconsId).Number }, reason = "Wrong format." })
                .ToUrl($"/api/orders/{paid.Order.Id}/refunds");
            s.StatusCodeShouldBe(202);
        });
        var order = await Eventually.ValueAsync(() => OrderAsync(paid.Order.Id), o => o!.Reversals.Count == 1 && o.RefundsDone.Count == 1, 60);
        var stream = await QueryAsync(q => q.Events.FetchStreamAsync(order!.Id));
        var refundId = stream.Select(e => e.Data).OfType<Marketplace.Features.Orders.OrderRefunded>().Single().RefundId;
        var reversalId = stream.Select(e => e.Data).OfType<Marketplace.Features.Orders.TransferReversed>().Single().ReversalId;

        foreach (var key in new[] { refundId, reversalId })
        {
            var hit = (await SearchAsync(admin, key)).ShouldHaveSingleItem();
            hit.OrderId.ShouldBe(order!.Id);
            hit.Stripe.Refunds.ShouldContain(refundId);
        }

        var references = await QueryAsync<IReadOnlyList<OrderStripeReference>>(async q => await q.Query<OrderStripeReference>().ToListAsync());
        references.Select(r => r.Kind).Order(StringComparer.Ordinal).ShouldBe(
            ["charge", "checkout_session", "payment_intent", "refund", "transfer", "transfer", "transfer_reversal"]);
        references.ShouldAllBe(r => r.OrderId == order!.Id);
    }

    [Fact]
    public async Task A_stripe_id_is_looked_up_through_an_index_never_by_reading_every_order()
    {
        await using var session = Host.DocumentStore().QuerySession();
        var command = SearchOrders.ReferenceQuery(session, "pi_3QxExample").Select(r => r.OrderId).ToCommand();
        await using var connection = await Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // With sequential scans priced out, the planner still picks one if there is no index to use.
        await using (var noScans = new NpgsqlCommand("set local enable_seqscan = off", connection, transaction))
        {
            await noScans.ExecuteNonQueryAsync();
        }

        command.Connection = connection;
        command.Transaction = transaction;
        command.CommandText = $"explain {command.CommandText}";
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join('\n', plan);
        text.ShouldContain("mt_doc_orderstripereference");
        text.ShouldContain("Index");
        text.ShouldNotContain("Seq Scan");
    }

    [Theory]
    [InlineData("")]
    [InlineData("%20%20")]
    [InlineData("pi_1%00")]
    [InlineData("ch_%1B%5B2J")]
    public async Task A_search_that_cannot_be_read_is_a_validation_problem(string q)
    {
        var admin = await MemberAsync("admin", Roles.Admin);

        var result = await AsUserAsync(admin.Token, s => { s.Get.Url($"/api/admin/orders?q={q}"); s.StatusCodeShouldBe(400); });

        result.ShouldBeProblem(400, "/problems/validation").GetProperty("errors").TryGetProperty("q", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_search_longer_than_the_limit_is_a_validation_problem()
    {
        var admin = await MemberAsync("admin", Roles.Admin);

        var result = await AsUserAsync(admin.Token, s => { s.Get.Url($"/api/admin/orders?q={new string('x', SearchOrders.MaxQuery + 1)}"); s.StatusCodeShouldBe(400); });

        result.ShouldBeProblem(400, "/problems/validation");
    }

    private async Task<IReadOnlyList<SearchOrders.Found>> SearchAsync(Member admin, string q) =>
        (await AsUserAsync(admin.Token, s =>
        {
            s.Get.Url($"/api/admin/orders?q={Uri.EscapeDataString(q)}");
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<List<SearchOrders.Found>>()!;
}
