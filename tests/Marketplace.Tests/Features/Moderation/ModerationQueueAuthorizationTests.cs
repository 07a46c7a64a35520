using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Features.Moderation;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

public sealed class ModerationQueueAuthorizationTests(AppFixture fixture) : ModerationQueueTest(fixture)
{
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
