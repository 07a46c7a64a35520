using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Forum;
using Marketplace.Features.Moderation;
using Marketplace.Tests.Features.Catalog;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

public sealed class ModerationQueueTests(AppFixture fixture) : CatalogTest(fixture)
{
    private const string Queue = "/api/moderation/queue";

    /// <summary>A thread by a new member in a fresh category; returns its first post.</summary>
    private async Task<(Guid ThreadId, Guid PostId, Member Author)> ThreadAsync(string title = "Cheap watches")
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var category = (await AsUserAsync(admin.Token, s =>
        {
            s.Post.Json(new { name = "Help", slug = $"help-{Guid.NewGuid():N}"[..20], description = "Ask", position = 1, readOnly = false }).ToUrl("/api/forum/categories");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<Categories.View>()!.Id;
        var author = await MemberAsync("author");
        var started = (await AsUserAsync(author.Token, s =>
        {
            s.Post.Json(new { title, body = "Buy them at my site" }).ToUrl($"/api/forum/categories/{category}/threads");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<Threads.Started>()!;
        return (started.ThreadId, started.PostId, author);
    }

    private async Task FlagAsync(Member who, Guid postId, string reason = "spam") =>
        await AsUserAsync(who.Token, s => { s.Post.Json(new { reason, text = "Advert" }).ToUrl($"/api/forum/posts/{postId}/flags"); s.StatusCodeShouldBe(202); });

    private async Task ReportAsync(Member who, Guid productId, string reason = "infringement") =>
        await AsUserAsync(who.Token, s => { s.Post.Json(new { reason, text = "Copied from my shop" }).ToUrl($"/api/products/{productId}/reports"); s.StatusCodeShouldBe(202); });

    private async Task<GetModerationQueue.Page> QueueAsync(string token, string query = "") =>
        (await AsUserAsync(token, s => { s.Get.Url(Queue + query); s.StatusCodeShouldBe(200); })).ReadAsJson<GetModerationQueue.Page>()!;

    private Task<int> ResolveStatusAsync(string? token, string itemId, object body) =>
        ApiStatusAsync(token, s => s.Post.Json(body).ToUrl($"{Queue}/{itemId}/resolve"));

    [Fact]
    public async Task The_queue_lists_flagged_posts_and_reported_products_oldest_first_with_what_is_needed_to_decide()
    {
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        var (threadId, postId, author) = await ThreadAsync("Cheap watches");
        var seller = await SellerReadyToSellAsync("Copy Shop");
        var product = await PublishedProductAsync(seller);
        var (reporter, other) = (await MemberAsync("reporter"), await MemberAsync("other"));

        await FlagAsync(reporter, postId);
        await FlagAsync(other, postId, "abuse");
        await ReportAsync(reporter, product.Id);

        var page = await QueueAsync(moderator.Token);
        page.Total.ShouldBe(2);
        page.Items.Select(i => i.Kind).ShouldBe([QueueKinds.Post, QueueKinds.Product]);
        var post = page.Items[0];
        (post.Post!.ThreadId, post.Post.ThreadTitle, post.Post.AuthorId, post.Post.Body).ShouldBe((threadId, "Cheap watches", author.Id, "Buy them at my site"));
        post.Reports.Select(r => (r.ReporterId, r.Reason, r.PastDecided, r.PastUpheld)).ShouldBe([(reporter.Id, "spam", 0, 0), (other.Id, "abuse", 0, 0)]);
        post.Reports[0].ReporterName.ShouldBe("Test Person");
        var reported = page.Items[1].Product!;
        (reported.Title, reported.ShopName, reported.Status).ShouldBe((product.Title, "Copy Shop", "published"));
        reported.Files.ShouldHaveSingleItem().Name.ShouldBe("icons.zip");
        (await QueueAsync(moderator.Token, "?page=2&pageSize=1")).Items.ShouldHaveSingleItem().Kind.ShouldBe(QueueKinds.Product);

        (await ResolveStatusAsync(moderator.Token, post.Id, new { outcome = "upheld", reason = "An advert." })).ShouldBe(200);
        var afterwards = await QueueAsync(moderator.Token);
        afterwards.Items.ShouldHaveSingleItem().Reports.ShouldHaveSingleItem().PastUpheld.ShouldBe(1);
    }

    [Fact]
    public async Task Of_moderators_claiming_one_item_at_once_exactly_one_wins_and_the_others_are_told_who_holds_it()
    {
        var (_, postId, _) = await ThreadAsync();
        await FlagAsync(await MemberAsync("reporter"), postId);
        var itemId = QueueItem.IdOf(QueueKinds.Post, postId);
        var moderators = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => MemberAsync($"moderator{i}", Roles.Moderator)));

        var results = await Task.WhenAll(moderators.Select(m => SendAsync(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {m.Token}");
            s.Post.Url($"{Queue}/{itemId}/claim");
            s.IgnoreStatusCode();
        })));

        results.Count(r => r.Context.Response.StatusCode == 200).ShouldBe(1);
        results.Count(r => r.Context.Response.StatusCode == 409).ShouldBe(4);
        var holder = (await QueryAsync(q => q.LoadAsync<QueueItem>(itemId)))!.ClaimedBy;
        var refused = results.First(r => r.Context.Response.StatusCode == 409).ReadAsJson<JsonElement>();
        refused.GetProperty("claimedBy").GetGuid().ShouldBe(holder!.Value);
        refused.GetProperty("title").GetString()!.ShouldContain("Test Person");

        var loser = moderators.First(m => m.Id != holder);
        (await ResolveStatusAsync(loser.Token, itemId, new { outcome = "dismissed", reason = "Fine." })).ShouldBe(409);
        (await ResolveStatusAsync(moderators.First(m => m.Id == holder).Token, itemId, new { outcome = "dismissed", reason = "Fine." })).ShouldBe(200);
        (await ResolveStatusAsync(loser.Token, itemId, new { outcome = "dismissed", reason = "Fine." })).ShouldBe(409);
    }

    [Fact]
    public async Task Dismissing_flags_restores_a_post_they_hid_and_upholding_a_report_takes_the_product_down_both_audited()
    {
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        Set<ModerationOptions, int>(o => o.FlagsToHide, 1);
        Set<ModerationOptions, TimeSpan>(o => o.TrustedFlaggerAge, TimeSpan.Zero);
        var (_, postId, _) = await ThreadAsync();
        await FlagAsync(await MemberAsync("reporter"), postId);
        (await QueryAsync(q => q.LoadAsync<ForumPost>(postId)))!.Hidden.ShouldBeTrue();
        var seller = await SellerReadyToSellAsync();
        var product = await PublishedProductAsync(seller);
        await ReportAsync(await MemberAsync("buyer"), product.Id, "malware");

        (await ResolveStatusAsync(moderator.Token, QueueItem.IdOf(QueueKinds.Post, postId), new { outcome = "dismissed", reason = "Not an advert." })).ShouldBe(200);
        (await ResolveStatusAsync(moderator.Token, QueueItem.IdOf(QueueKinds.Product, product.Id), new { outcome = "upheld", reason = "A trojan.", malware = true })).ShouldBe(200);

        (await QueryAsync(q => q.LoadAsync<ForumPost>(postId)))!.Hidden.ShouldBeFalse();
        (await QueryAsync(q => q.LoadAsync<Product>(product.Id)))!.Takedown.ShouldNotBeNull().Malware.ShouldBeTrue();
        (await QueueAsync(moderator.Token)).Items.ShouldBeEmpty();
        var actions = await QueryAsync(q => q.Query<AuditEntry>().Select(e => e.Action).ToListAsync());
        actions.ShouldBe(["post.hide", "post.restore", "queue.dismissed", "product.takedown", "queue.upheld"], ignoreOrder: true);
    }

    [Fact]
    public async Task Upholding_flags_hides_the_post()
    {
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        var (_, postId, _) = await ThreadAsync();
        await FlagAsync(await MemberAsync("reporter"), postId);

        (await ResolveStatusAsync(moderator.Token, QueueItem.IdOf(QueueKinds.Post, postId), new { outcome = "upheld", reason = "An advert." })).ShouldBe(200);

        (await QueryAsync(q => q.LoadAsync<ForumPost>(postId)))!.Hidden.ShouldBeTrue();
        (await QueryAsync(q => q.Query<PostFlag>().SingleAsync())).Outcome.ShouldBe("upheld");
    }

    [Fact]
    public async Task Only_moderators_and_admins_use_the_queue_and_hostile_requests_change_nothing()
    {
        var (_, postId, author) = await ThreadAsync();
        var seller = await SellerAsync();
        await FlagAsync(await MemberAsync("reporter"), postId);
        var itemId = QueueItem.IdOf(QueueKinds.Post, postId);
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        var admin = await MemberAsync("admin", Roles.Admin);

        foreach (var (token, status) in new (string?, int)[] { (null, 401), (author.Token, 403), (seller.Owner.Token, 403), (moderator.Token, 200), (admin.Token, 200) })
        {
            (await ApiStatusAsync(token, s => s.Get.Url(Queue))).ShouldBe(status);
        }

        foreach (var (token, status) in new (string?, int)[] { (null, 401), (author.Token, 403), (seller.Owner.Token, 403) })
        {
            (await ApiStatusAsync(token, s => s.Post.Url($"{Queue}/{itemId}/claim"))).ShouldBe(status);
            (await ResolveStatusAsync(token, itemId, new { outcome = "upheld", reason = "x" })).ShouldBe(status);
        }

        foreach (var body in new object[]
        {
            new { outcome = "maybe", reason = "x" }, new { outcome = "upheld", reason = "" }, new { outcome = "upheld", reason = new string('x', 501) },
            new { outcome = "upheld", reason = "x\0" }, new { outcome = "upheld\u0001", reason = "x" },
        })
        {
            (await ResolveStatusAsync(moderator.Token, itemId, body)).ShouldBe(400);
        }

        (await ApiStatusAsync(moderator.Token, s => s.Post.Text("{\"outcome\":").ContentType("application/json").ToUrl($"{Queue}/{itemId}/resolve"))).ShouldBe(400);
        (await ApiStatusAsync(moderator.Token, s => s.Post.Text("outcome=upheld").ContentType("text/plain").ToUrl($"{Queue}/{itemId}/resolve"))).ShouldBe(415);
        (await ApiStatusAsync(moderator.Token, s => s.Post.Url($"{Queue}/post-%01/claim"))).ShouldBe(400); // control characters in a route value: QueryTextGuard
        foreach (var unknown in new[] { QueueItem.IdOf(QueueKinds.Post, Guid.NewGuid()), "post-xyz", "nothing", new string('a', 300) })
        {
            (await ApiStatusAsync(moderator.Token, s => s.Post.Url($"{Queue}/{unknown}/claim"))).ShouldBe(404);
            (await ResolveStatusAsync(moderator.Token, unknown, new { outcome = "upheld", reason = "x" })).ShouldBe(404);
        }

        (await ApiStatusAsync(admin.Token, s => s.Post.Url($"{Queue}/{itemId}/claim"))).ShouldBe(200);
        (await QueryAsync(q => q.LoadAsync<ForumPost>(postId)))!.Hidden.ShouldBeFalse();
        (await QueryAsync(q => q.Query<AuditEntry>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_moderation_page_shows_the_queue_to_staff_only()
    {
        var (_, postId, author) = await ThreadAsync("Cheap watches");
        await FlagAsync(await MemberAsync("reporter"), postId);
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        var admin = await MemberAsync("admin", Roles.Admin);
        var seller = await SellerAsync();

        foreach (var (email, status) in new (string?, int)[] { (null, 302), (author.Email, 302), (seller.Owner.Email, 302), (moderator.Email, 200), (admin.Email, 200) })
        {
            (await PageStatusAsync(email is null ? null : await SignInCookieAsync(email), "/moderation")).ShouldBe(status);
        }

        var cookie = await SignInCookieAsync(moderator.Email);
        var html = await (await SendAsync(s => { s.Get.Url("/moderation"); s.WithRequestHeader("Cookie", cookie); })).ReadAsTextAsync();
        html.ShouldContain("Cheap watches");
        html.ShouldContain("href=\"/moderation\"");
        html.ShouldContain(QueueItem.IdOf(QueueKinds.Post, postId));
    }
}
