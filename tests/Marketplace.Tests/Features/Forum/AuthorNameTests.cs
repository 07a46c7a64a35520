using Marketplace.Features.Forum;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Forum;

public sealed class AuthorNameTests(AppFixture fixture) : ForumTest(fixture)
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
        thread.Posts.ShouldHaveSingleItem().Author.DisplayName.ShouldBe(ForumAuthorNamesHandler.DeletedAuthor);
        thread.Posts[0].Body.ShouldBe("How do I export my fonts?");
        thread.Thread.AuthorName.ShouldBe(ForumAuthorNamesHandler.DeletedAuthor);
        (await QueryAsync(session => Marten.QueryableExtensions.CountAsync(session.Query<PostVote>()))).ShouldBe(0);
    }

    [Fact]
    public async Task A_renamed_member_signs_their_old_posts_threads_and_notifications_with_the_new_name()
    {
        var renaming = await MemberTokenAsync("renaming");
        var watcher = await MemberTokenAsync("watcher");
        var started = await StartThreadAsync(watcher, await CategoryAsync());
        await Host.ExecuteAndWaitAsync(() => ReplyAsync(renaming, started.ThreadId, "A reply that notifies the watcher."));
        var own = await StartThreadAsync(renaming, await CategoryAsync());

        await Host.ExecuteAndWaitAsync(() => AsUserAsync(renaming, s =>
        {
            s.Put.Json(new { displayName = "Ada Lovelace" }).ToUrl("/api/account/display-name");
            s.StatusCodeShouldBe(204);
        }));

        var thread = (await SendAsync(s => s.Get.Url($"/api/forum/threads/{started.ThreadId}"))).ReadAsJson<Threads.Detail>()!;
        thread.Posts.Single(p => p.Seq == 2).Author.DisplayName.ShouldBe("Ada Lovelace");
        thread.Posts.Single(p => p.Seq == 1).Author.DisplayName.ShouldBe("Test Person");
        var ownThread = (await SendAsync(s => s.Get.Url($"/api/forum/threads/{own.ThreadId}"))).ReadAsJson<Threads.Detail>()!;
        ownThread.Thread.AuthorName.ShouldBe("Ada Lovelace");
        var inbox = await AsUserAsync(watcher, s => s.Get.Url("/api/forum/notifications"));
        inbox.ReadAsJson<System.Text.Json.JsonElement>().GetProperty("items")[0].GetProperty("actor").GetProperty("displayName").GetString()
            .ShouldBe("Ada Lovelace");
    }

    [Fact]
    public async Task An_invalid_display_name_is_a_400_and_the_posts_keep_their_name()
    {
        var member = await MemberTokenAsync("member");
        var started = await StartThreadAsync(member, await CategoryAsync());

        await AsUserAsync(member, s =>
        {
            s.Put.Json(new { displayName = "" }).ToUrl("/api/account/display-name");
            s.StatusCodeShouldBe(400);
        });

        var thread = (await SendAsync(s => s.Get.Url($"/api/forum/threads/{started.ThreadId}"))).ReadAsJson<Threads.Detail>()!;
        thread.Posts.Single().Author.DisplayName.ShouldBe("Test Person");
    }
}
