using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Tests.Features.Forum;

public sealed class LikePostTests(AppFixture fixture) : ForumTest(fixture)
{
    private static string LikeOf(Guid postId) => $"/api/forum/posts/{postId}/like";

    private async Task<(Guid ThreadId, Guid PostId, string Author)> PostAsync()
    {
        var author = await MemberTokenAsync("author");
        var started = await StartThreadAsync(author, await CategoryAsync());
        return (started.ThreadId, started.PostId, author);
    }

    private async Task<LikePost.Response> LikeAsync(string token, Guid postId, bool like = true) =>
        (await AsUserAsync(token, s =>
        {
            if (like)
            {
                s.Post.Url(LikeOf(postId));
            }
            else
            {
                s.Delete.Url(LikeOf(postId));
            }

            s.StatusCodeShouldBe(200);
        })).ReadAsJson<LikePost.Response>()!;

    private Task<int> TallyAsync(Guid postId) => QueryAsync(async q => (await q.LoadAsync<PostLikeTally>(postId))?.Count ?? 0);

    [Fact]
    public async Task A_member_likes_a_post_once_takes_the_like_back_and_the_thread_shows_the_count()
    {
        var (threadId, postId, _) = await PostAsync();
        var reader = await MemberTokenAsync("reader");

        (await LikeAsync(reader, postId)).ShouldBe(new LikePost.Response(postId, 1, true));
        (await LikeAsync(reader, postId)).ShouldBe(new LikePost.Response(postId, 1, true));
        var thread = await AsUserAsync(reader, s => s.Get.Url($"/api/forum/threads/{threadId}"));
        thread.ReadAsJson<JsonElement>().GetProperty("posts")[0].GetProperty("likes").GetInt32().ShouldBe(1);

        (await LikeAsync(reader, postId, like: false)).ShouldBe(new LikePost.Response(postId, 0, false));
        (await LikeAsync(reader, postId, like: false)).ShouldBe(new LikePost.Response(postId, 0, false));
        (await QueryAsync(q => q.Query<PostLike>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Likes_sent_at_once_leave_one_like_per_member_and_an_exact_count()
    {
        var (_, postId, _) = await PostAsync();
        var repeater = await MemberTokenAsync("repeater");
        var others = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => MemberTokenAsync($"other-{i}")));

        var repeats = Enumerable.Range(0, 6).Select(_ => LikeAsync(repeater, postId));
        await Task.WhenAll(repeats.Concat(others.Select(token => LikeAsync(token, postId))));

        (await QueryAsync(q => q.Query<PostLike>().Where(l => l.PostId == postId).CountAsync())).ShouldBe(5);
        (await TallyAsync(postId)).ShouldBe(5);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => LikeAsync(repeater, postId, like: false)));
        (await TallyAsync(postId)).ShouldBe(4);
    }

    [Fact]
    public async Task Nobody_likes_their_own_post_a_hidden_or_unknown_one_and_strangers_and_suspended_members_cannot_like()
    {
        var (_, postId, author) = await PostAsync();
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var suspendedEmail = NewEmail("suspended");
        var suspendedId = await CreateAccountAsync(suspendedEmail);
        var suspended = (await LoginAsync(suspendedEmail)).AccessToken;
        await AsUserAsync(moderator, s =>
        {
            s.Post.Json(new { until = DateTimeOffset.UtcNow.AddDays(3), reason = "Like spam." }).ToUrl($"/api/moderation/users/{suspendedId}/suspend");
            s.StatusCodeShouldBe(200);
        });

        (await AsUserAsync(author, s => { s.Post.Url(LikeOf(postId)); s.StatusCodeShouldBe(409); })).ShouldBeProblem(409, ProblemTypes.Conflict);
        (await ApiStatusAsync(null, s => s.Post.Url(LikeOf(postId)))).ShouldBe(401);
        (await ApiStatusAsync(suspended, s => s.Post.Url(LikeOf(postId)))).ShouldBe(403);
        (await ApiStatusAsync(suspended, s => s.Delete.Url(LikeOf(postId)))).ShouldBe(403);
        (await ApiStatusAsync(moderator, s => s.Post.Url(LikeOf(Guid.NewGuid())))).ShouldBe(404);

        await AsUserAsync(moderator, s => { s.Post.Url($"/api/moderation/posts/{postId}/hide"); s.StatusCodeShouldBe(204); });
        (await ApiStatusAsync(moderator, s => s.Post.Url(LikeOf(postId)))).ShouldBe(404);
        (await ApiStatusAsync(await MemberTokenAsync("reader"), s => s.Delete.Url(LikeOf(postId)))).ShouldBe(404);
        (await QueryAsync(q => q.Query<PostLike>().CountAsync())).ShouldBe(0);
        (await QueryAsync(q => q.Query<PostLikeTally>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Hostile_addresses_and_bodies_change_nothing_and_a_body_is_not_read()
    {
        var (_, postId, _) = await PostAsync();
        var reader = await MemberTokenAsync("reader");

        foreach (var url in new[] { "/api/forum/posts/not-a-guid/like", $"/api/forum/posts/{postId}%01/like", "/api/forum/posts/-1/like", "/api/forum/posts/99999999999999999999999999/like" })
        {
            (await ApiStatusAsync(reader, s => s.Post.Url(url))).ShouldBeOneOf(400, 404);
        }

        (await ApiStatusAsync(reader, s => s.Put.Json(new { }).ToUrl(LikeOf(postId)))).ShouldBe(405);
        (await QueryAsync(q => q.Query<PostLike>().CountAsync())).ShouldBe(0);

        (await ApiStatusAsync(reader, s => s.Post.Text("{\"like\":").ContentType("application/json").ToUrl(LikeOf(postId)))).ShouldBe(200);
        (await ApiStatusAsync(reader, s => s.Post.Text("like=\0").ContentType("application/x-www-form-urlencoded").ToUrl(LikeOf(postId)))).ShouldBe(200);
        (await TallyAsync(postId)).ShouldBe(1);
    }

    [Fact]
    public async Task Readers_of_the_thread_see_the_like_count_change_live()
    {
        var (threadId, postId, _) = await PostAsync();
        await using var watcher = await HubClient.ConnectAsync(Host);
        await watcher.JoinAsync(threadId, 1);

        await LikeAsync(await MemberTokenAsync("first"), postId);
        await HubClient.EventuallyAsync(() => watcher.LikeSignals.Any(s => s.GetProperty("likes").GetInt32() == 1));
        await LikeAsync(await MemberTokenAsync("second"), postId);

        await HubClient.EventuallyAsync(() => watcher.LikeSignals.Any(s => s.GetProperty("likes").GetInt32() == 2));
        watcher.LikeSignals.ShouldAllBe(s => s.GetProperty("postId").GetGuid() == postId && s.GetProperty("threadId").GetGuid() == threadId);
    }

    [Fact]
    public async Task The_thread_page_has_a_like_button_on_posts_of_others_that_works_without_script()
    {
        var (threadId, postId, author) = await PostAsync();
        var reader = await MemberTokenAsync("reader");
        var threadPage = $"/forum/threads/{threadId}";
        var own = FirstPost(await PageAsync(author, threadId));
        own.ShouldContain("class=\"post-like\"");
        own.ShouldNotContain("post-like-button");
        FirstPost(await PageAsync(reader, threadId)).ShouldContain("aria-pressed=\"false\"");

        var liked = await PostFormAsync(reader, $"/forum/posts/{postId}/like", new() { ["unlike"] = "false" }, 302, threadPage);

        liked.Context.Response.Headers.Location.ToString().ShouldBe($"/forum/threads/{threadId}#post-1");
        (await TallyAsync(postId)).ShouldBe(1);
        var post = FirstPost(await PageAsync(reader, threadId));
        post.ShouldContain("aria-pressed=\"true\"");
        post.ShouldContain("<span class=\"post-like-number\">1</span>");

        await PostFormAsync(reader, $"/forum/posts/{postId}/like", new() { ["unlike"] = "true" }, 302, threadPage);
        (await TallyAsync(postId)).ShouldBe(0);
        FirstPost(await PageAsync(null, threadId)).ShouldContain("<span class=\"post-like-number\">0</span>");
    }

    [Fact]
    public async Task Liking_ones_own_post_from_the_page_says_why_not()
    {
        var (threadId, postId, author) = await PostAsync();

        var refused = await PostFormAsync(author, $"/forum/posts/{postId}/like", new() { ["unlike"] = "false" }, 302, $"/forum/threads/{threadId}");

        var notice = string.Join("; ", refused.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0])); // the flash travels in a cookie
        var page = await AsUserAsync(author, s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.WithRequestHeader("Cookie", notice);
            s.Get.Url(refused.Context.Response.Headers.Location.ToString().Split('#')[0]);
        });
        (await page.ReadAsTextAsync()).ShouldContain("You cannot like your own post.");
        (await TallyAsync(postId)).ShouldBe(0);
    }

    /// <summary>The first post's article, without the live-post template (which has a Like button for every member).</summary>
    private static string FirstPost(string page)
    {
        var start = page.IndexOf("id=\"post-1\"", StringComparison.Ordinal);
        return page[start..page.IndexOf("</article>", start, StringComparison.Ordinal)];
    }

    private async Task<string> PageAsync(string? token, Guid threadId)
    {
        var url = $"/forum/threads/{threadId}";
        var result = token is null
            ? await SendAsync(s => { s.WithRequestHeader("Accept", "text/html"); s.Get.Url(url); })
            : await AsUserAsync(token, s => { s.WithRequestHeader("Accept", "text/html"); s.Get.Url(url); });
        return await result.ReadAsTextAsync();
    }
}
