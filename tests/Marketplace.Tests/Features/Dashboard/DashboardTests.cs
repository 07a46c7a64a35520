using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Features.Orders;
using Marketplace.Features.StripeWebhooks;

namespace Marketplace.Tests.Features.Dashboard;

public sealed class DashboardTests(AppFixture fixture) : DashboardTest(fixture)
{
    [Fact]
    public async Task Sales_are_counted_and_summed_per_day_and_currency_from_paid_orders_only_within_the_range()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var unpaid = PaidOrder(Today, 9_999);
        (unpaid.Status, unpaid.PaidAt) = (OrderStatus.AwaitingPayment, null);
        await StoreAsync(
            PaidOrder(Today, 1_500), PaidOrder(Today, 500, hour: 0), PaidOrder(Today.AddDays(-2), 2_000), PaidOrder(Today.AddDays(-2), 700, "eur"),
            PaidOrder(Today.AddDays(-30), 4_000), unpaid);

        var board = await DashboardAsync(admin.Token);

        board.GetProperty("days").GetInt32().ShouldBe(30);
        board.GetProperty("from").GetString().ShouldBe(Today.AddDays(-29).ToString("yyyy-MM-dd"));
        var sales = board.GetProperty("sales").EnumerateArray().ToDictionary(c => c.GetProperty("currency").GetString()!);
        sales.Keys.ShouldBe(["eur", "usd"], ignoreOrder: true);
        var usd = sales["usd"];
        (usd.GetProperty("orders").GetInt32(), usd.GetProperty("amount").GetInt64()).ShouldBe((3, 4_000L)); // the 31st day back is left out
        usd.GetProperty("days").GetArrayLength().ShouldBe(30);
        (Day(usd.GetProperty("days"), Today).GetProperty("orders").GetInt32(), Day(usd.GetProperty("days"), Today).GetProperty("amount").GetInt64()).ShouldBe((2, 2_000L));
        Day(usd.GetProperty("days"), Today.AddDays(-2)).GetProperty("amount").GetInt64().ShouldBe(2_000);
        Day(usd.GetProperty("days"), Today.AddDays(-1)).GetProperty("orders").GetInt32().ShouldBe(0);
        Day(sales["eur"].GetProperty("days"), Today.AddDays(-2)).GetProperty("amount").GetInt64().ShouldBe(700);

        var week = await DashboardAsync(admin.Token, "?days=2");
        week.GetProperty("sales").EnumerateArray().Single().GetProperty("amount").GetInt64().ShouldBe(2_000); // only usd paid today and yesterday
    }

    [Fact]
    public async Task New_members_are_counted_per_day_of_joining()
    {
        var admin = await MemberAsync("admin", Roles.Admin); // joins today too
        await StoreAsync(Joined(Today), Joined(Today.AddDays(-3)), Joined(Today.AddDays(-3), hour: 23), Joined(Today.AddDays(-7)));

        var board = await DashboardAsync(admin.Token, "?days=7");

        board.GetProperty("newMembers").GetInt32().ShouldBe(4); // the one 7 days back is the 8th day
        var members = board.GetProperty("members");
        members.GetArrayLength().ShouldBe(7);
        Day(members, Today).GetProperty("joined").GetInt32().ShouldBe(2);
        Day(members, Today.AddDays(-3)).GetProperty("joined").GetInt32().ShouldBe(2);
        Day(members, Today.AddDays(-1)).GetProperty("joined").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Open_queue_items_and_failed_webhooks_are_counted_with_links_to_their_pages()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        QueueItem Item(string kind, bool resolved = false) => new()
        {
            Id = QueueItem.IdOf(kind, Guid.NewGuid()), Kind = kind, TargetId = Guid.NewGuid(), OpenedAt = DateTimeOffset.UtcNow,
            ResolvedAt = resolved ? DateTimeOffset.UtcNow : null, Outcome = resolved ? "dismissed" : null,
        };
        await StoreAsync(Item(QueueKinds.Post), Item(QueueKinds.Post), Item(QueueKinds.Post, resolved: true), Item(QueueKinds.Product));
        StripeEventRecord Event(StripeEventStatus status) => new()
        {
            Id = $"evt_{Guid.NewGuid():N}", Type = "payout.paid", Payload = "{}", Status = status, ReceivedAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
        };
        await StoreAsync(Event(StripeEventStatus.Failed), Event(StripeEventStatus.Failed), Event(StripeEventStatus.Processed), Event(StripeEventStatus.Retrying));

        var board = await DashboardAsync(admin.Token);

        var waiting = board.GetProperty("waiting");
        (waiting.GetProperty("flaggedPosts").GetInt32(), waiting.GetProperty("reportedProducts").GetInt32()).ShouldBe((2, 1));
        waiting.GetProperty("failedWebhooks").GetInt64().ShouldBe(2);
        waiting.GetProperty("deadLetters").GetInt32().ShouldBe(0);
        var links = board.GetProperty("links");
        (links.GetProperty("queue").GetString(), links.GetProperty("failedWebhooks").GetString(), links.GetProperty("deadLetters").GetString())
            .ShouldBe(("/moderation", "/admin/webhooks?status=failed", "/admin/dead-letters"));
    }

    [Fact]
    public async Task The_dashboard_page_draws_each_series_as_an_accessible_chart_with_its_numbers()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        await StoreAsync(PaidOrder(Today, 1_234));

        var page = await AsUserAsync(admin.Token, s => { s.Get.Url("/admin?days=7"); s.StatusCodeShouldBe(200); });
        var html = await page.ReadAsTextAsync();

        html.ShouldContain("<svg role=\"img\" aria-labelledby=\"sales-usd-title sales-usd-desc\"");
        html.ShouldContain("<title id=\"sales-usd-title\">Sales in USD per day</title>");
        html.ShouldContain("<title id=\"members-title\">New members per day</title>");
        html.ShouldContain("12.34 USD (1 order)");
        html.ShouldContain("<nav class=\"admin-nav\" aria-label=\"Admin\">");
        html.ShouldContain("href=\"/admin/webhooks?status=failed\"");
    }
}
