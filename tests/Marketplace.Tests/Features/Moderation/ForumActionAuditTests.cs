using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Features.Moderation;
using Marketplace.Tests.Features.Forum;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

public sealed class ForumActionAuditTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task Every_moderator_action_on_posts_and_threads_is_audited_with_its_actor_reason_and_change()
    {
        var moderatorEmail = NewEmail("moderator");
        var moderatorId = await CreateAccountAsync(moderatorEmail, Roles.Moderator);
        var moderator = (await LoginAsync(moderatorEmail)).AccessToken;
        var member = await MemberTokenAsync("member");
        var (categoryId, otherCategoryId) = (await CategoryAsync(), await CategoryAsync());
        var thread = await StartThreadAsync(member, categoryId);
        var reply = await ReplyAsync(member, thread.ThreadId, "Buy cheap fonts at example.test");

        (await ApiStatusAsync(moderator, s => s.Post.Json(new { reason = "Spam link." }).ToUrl($"/api/moderation/posts/{reply.PostId}/hide"))).ShouldBe(204);
        (await ApiStatusAsync(moderator, s => s.Post.Url($"/api/moderation/threads/{thread.ThreadId}/lock"))).ShouldBe(204);
        (await ApiStatusAsync(moderator, s => s.Post.Url($"/api/moderation/threads/{thread.ThreadId}/pin"))).ShouldBe(204);
        (await ApiStatusAsync(moderator, s => s.Post.Json(new { categoryId = otherCategoryId }).ToUrl($"/api/moderation/threads/{thread.ThreadId}/move"))).ShouldBe(204);
        (await ApiStatusAsync(moderator, s => s.Post.Url($"/api/moderation/posts/{reply.PostId}/hide"))).ShouldBe(204); // a repeat: no entry

        var entries = await QueryAsync(q => q.Query<AuditEntry>().OrderBy(e => e.At).ToListAsync());
        entries.Select(e => e.Action).ShouldBe(["post.hide", "thread.lock", "thread.pin", "thread.move"]);
        entries.ShouldAllBe(e => e.ActorId == moderatorId);
        (entries[0].TargetId, entries[0].Reason, entries[0].Before["hidden"], entries[0].After["hidden"]).ShouldBe(($"{reply.PostId}", "Spam link.", "false", "true"));
        (entries[3].Before["categoryId"], entries[3].After["categoryId"]).ShouldBe(($"{categoryId}", $"{otherCategoryId}"));
    }

    [Fact]
    public async Task A_reason_too_long_with_control_characters_or_not_json_is_refused_and_the_post_stays_visible()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var member = await MemberTokenAsync("member");
        var thread = await StartThreadAsync(member, await CategoryAsync());
        var reply = await ReplyAsync(member, thread.ThreadId, "An ordinary reply.");

        (await ApiStatusAsync(moderator, s => s.Post.Json(new { reason = new string('x', 501) }).ToUrl($"/api/moderation/posts/{reply.PostId}/hide"))).ShouldBe(400);
        (await ApiStatusAsync(moderator, s => s.Post.Json(new { reason = "a\u0007b" }).ToUrl($"/api/moderation/threads/{thread.ThreadId}/lock"))).ShouldBe(400);
        (await ApiStatusAsync(moderator, s => s.Post.Text("{\"reason\":").ContentType("application/json").ToUrl($"/api/moderation/posts/{reply.PostId}/hide")))
            .ShouldBe(400);

        (await ApiStatusAsync(moderator, s => s.Post.Text("reason=spam").ContentType("text/plain").ToUrl($"/api/moderation/posts/{reply.PostId}/hide"))).ShouldBe(415);

        (await QueryAsync(q => q.LoadAsync<ForumPost>(reply.PostId)))!.Hidden.ShouldBeFalse();
        (await QueryAsync(q => q.LoadAsync<ForumThread>(thread.ThreadId)))!.Locked.ShouldBeFalse();
        (await QueryAsync(q => q.Query<AuditEntry>().CountAsync())).ShouldBe(0);
    }
}
