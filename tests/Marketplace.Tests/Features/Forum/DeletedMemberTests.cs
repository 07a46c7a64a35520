using Marketplace.Features.Forum;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Forum;

public sealed class DeletedMemberTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task A_deleted_members_posts_stay_signed_deleted_user_and_their_votes_go()
    {
        var leaving = await MemberTokenAsync("leaving");
        var started = await StartThreadAsync(leaving, await CategoryAsync());
        var other = await StartThreadAsync(await MemberTokenAsync("stays"), await CategoryAsync());
        await AsUserAsync(leaving, s => s.Post.Json(new { value = 1 }).ToUrl($"/api/forum/posts/{other.PostId}/votes"));

        await Host.ExecuteAndWaitAsync(() => AsUserAsync(leaving, s =>
        {
            s.Post.Json(new { password = Password }).ToUrl("/api/account/delete");
            s.StatusCodeShouldBe(204);
        }));

        var thread = (await SendAsync(s => s.Get.Url($"/api/forum/threads/{started.ThreadId}"))).ReadAsJson<Threads.Detail>()!;
        thread.Posts.ShouldHaveSingleItem().Author.DisplayName.ShouldBe(AccountDeletedForumHandler.DeletedAuthor);
        thread.Posts[0].Body.ShouldBe("How do I export my fonts?");
        thread.Thread.AuthorName.ShouldBe(AccountDeletedForumHandler.DeletedAuthor);
        (await QueryAsync(session => Marten.QueryableExtensions.CountAsync(session.Query<PostVote>()))).ShouldBe(0);
    }
}
