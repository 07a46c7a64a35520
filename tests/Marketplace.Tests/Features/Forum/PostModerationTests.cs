using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;

namespace Marketplace.Tests.Features.Forum;

public sealed class PostModerationTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task A_moderator_hides_a_post_live_for_readers_and_members_no_longer_get_it()
    {
        var member = await MemberTokenAsync("member");
        var moderator = await MemberTokenAsync("mod", Roles.Moderator);
        var started = await StartThreadAsync(member, await CategoryAsync());
        var rude = await ReplyAsync(member, started.ThreadId, "Something rude");
        await using var reader = await HubClient.ConnectAsync(Host);
        await reader.JoinAsync(started.ThreadId, 2);

        await AsUserAsync(member, s =>
        {
            s.Post.Url($"/api/moderation/posts/{rude.PostId}/hide");
            s.StatusCodeShouldBe(403);
        });
        await AsUserAsync(moderator, s =>
        {
            s.Post.Url($"/api/moderation/posts/{rude.PostId}/hide");
            s.StatusCodeShouldBe(204);
        });

        await HubClient.EventuallyAsync(() => !reader.HiddenSignals.IsEmpty);
        reader.HiddenSignals.ShouldHaveSingleItem().GetProperty("seq").GetInt64().ShouldBe(rude.Seq);
        var asMember = (await AsUserAsync(member, s => s.Get.Url($"/api/forum/threads/{started.ThreadId}"))).ReadAsJson<Threads.Detail>()!;
        asMember.Posts.Select(p => p.Seq).ShouldBe([1L]);
        var asModerator = (await AsUserAsync(moderator, s => s.Get.Url($"/api/forum/threads/{started.ThreadId}"))).ReadAsJson<Threads.Detail>()!;
        asModerator.Posts.Select(p => p.Seq).ShouldBe([1L, 2]);

        await AsUserAsync(moderator, s =>
        {
            s.Post.Url($"/api/moderation/posts/{rude.PostId}/restore");
            s.StatusCodeShouldBe(204);
        });
        await HubClient.EventuallyAsync(() => reader.Posts.Any(p => p.Seq == rude.Seq));
        reader.Posts.ShouldContain(p => p.Seq == rude.Seq);
    }
}
