using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Forum;
using Marketplace.Features.Moderation;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

public sealed class ModerationQueueTests(AppFixture fixture) : ModerationQueueTest(fixture)
{
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
        Set<ModerationOptions, int>(o => o.TrustedFlaggerLevel, 0); // the new reporter's flag counts
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
}
