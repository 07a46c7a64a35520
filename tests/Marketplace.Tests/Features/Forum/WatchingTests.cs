using Marketplace.Features.Forum;
using Marketplace.Features.Forum.Watching;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Tests.Features.Forum;

public sealed class WatchingTests(AppFixture fixture) : ForumNotificationsTest(fixture)
{
    [Fact]
    public async Task Starting_a_thread_watches_it_replying_tracks_it_and_a_chosen_level_stays()
    {
        var author = await MemberAsync("Ann Author");
        var replier = await MemberAsync("Rae Replier");
        var chooser = await MemberAsync("Cho Chooser");
        var started = await StartThreadAsync(author.Token, await CategoryAsync());
        await WatchThreadAsync(chooser, started.ThreadId, "muted");

        await ReplyAsync(replier.Token, started.ThreadId, "First reply.");
        await ReplyAsync(chooser.Token, started.ThreadId, "A reply from someone who muted the thread.");

        (await LevelAsync(author, started.ThreadId)).ShouldBe("watching");
        (await LevelAsync(replier, started.ThreadId)).ShouldBe("tracking");
        (await LevelAsync(chooser, started.ThreadId)).ShouldBe("muted");
        (await ThreadAsync(null, started.ThreadId)).WatchLevel.ShouldBeNull();
    }

    [Fact]
    public async Task A_level_on_the_thread_wins_over_the_category_and_the_category_list_shows_the_callers_levels()
    {
        var member = await MemberAsync("Mem Ber");
        var author = await MemberAsync("Ann Author");
        var watched = await CategoryAsync();
        var other = await CategoryAsync();
        var started = await StartThreadAsync(author.Token, watched);

        var answer = await WatchCategoryAsync(member, watched, "Watching");
        answer.ReadAsJson<WatchCategory.Response>().ShouldBe(new WatchCategory.Response(watched, "watching"));
        (await LevelAsync(member, started.ThreadId)).ShouldBe("watching");
        await WatchThreadAsync(member, started.ThreadId, "normal");
        (await LevelAsync(member, started.ThreadId)).ShouldBe("normal");

        var mine = (await AsUserAsync(member.Token, s => s.Get.Url("/api/forum/categories"))).ReadAsJson<Categories.View[]>()!;
        mine.Single(c => c.Id == watched).WatchLevel.ShouldBe("watching");
        mine.Single(c => c.Id == other).WatchLevel.ShouldBe("normal");
        var visitors = (await SendAsync(s => s.Get.Url("/api/forum/categories"))).ReadAsJson<Categories.View[]>()!;
        visitors.ShouldAllBe(c => c.WatchLevel == null);
    }

    [Fact]
    public async Task An_unknown_level_is_a_400_that_lists_it_and_changes_nothing()
    {
        var member = await MemberAsync("Mem Ber");
        var category = await CategoryAsync();
        var started = await StartThreadAsync(member.Token, category);

        foreach (var url in new[] { $"/api/forum/threads/{started.ThreadId}/watch", $"/api/forum/categories/{category}/watch" })
        {
            var refused = await AsUserAsync(member.Token, s =>
            {
                s.Put.Json(new { level = "loud" }).ToUrl(url);
                s.StatusCodeShouldBe(400);
            });
            refused.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors").GetProperty("level")[0].GetString()
                .ShouldBe("Choose watching, tracking, normal or muted.");
        }

        (await LevelAsync(member, started.ThreadId)).ShouldBe("watching");
        (await QueryAsync(session => session.Query<CategoryWatch>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Watching_an_unknown_thread_or_category_is_a_404_and_visitors_get_a_401()
    {
        var member = await MemberAsync("Mem Ber");

        (await WatchThreadAsync(member, Guid.NewGuid(), "watching", 404)).ShouldBeProblem(404, ProblemTypes.NotFound);
        (await WatchCategoryAsync(member, Guid.NewGuid(), "watching", 404)).ShouldBeProblem(404, ProblemTypes.NotFound);
        await SendAsync(s =>
        {
            s.Put.Json(new { level = "watching" }).ToUrl($"/api/forum/categories/{Guid.NewGuid()}/watch");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task The_category_page_counts_unread_posts_of_tracked_threads_until_the_member_opens_them()
    {
        var (reader, category, started) = await ThreadWithTwoRepliesTheReaderTracksAsync();

        (await PageAsync(reader, $"/forum/{category}")).ShouldContain("2 unread");
        await PageAsync(reader, $"/forum/threads/{started.ThreadId}");
        (await PageAsync(reader, $"/forum/{category}")).ShouldNotContain("unread</a>");
    }

    [Fact]
    public async Task The_thread_list_api_gives_a_member_their_level_and_unread_count_and_visitors_neither()
    {
        var (reader, category, started) = await ThreadWithTwoRepliesTheReaderTracksAsync();
        var url = $"/api/forum/categories/{category}/threads";

        var asReader = (await AsUserAsync(reader.Token, s => s.Get.Url(url))).ReadAsJson<Threads.Summary[]>()!.ShouldHaveSingleItem();
        asReader.WatchLevel.ShouldBe("tracking");
        asReader.Unread.ShouldBe(2);
        await PageAsync(reader, $"/forum/threads/{started.ThreadId}");
        (await AsUserAsync(reader.Token, s => s.Get.Url(url))).ReadAsJson<Threads.Summary[]>()!.Single().Unread.ShouldBe(0);
        var asVisitor = (await SendAsync(s => s.Get.Url(url))).ReadAsJson<Threads.Summary[]>()!.Single();
        asVisitor.WatchLevel.ShouldBeNull();
        asVisitor.Unread.ShouldBeNull();
    }

    /// <summary>Rae replies (so she tracks the thread), then Ann answers twice: two posts Rae has not read.</summary>
    private async Task<(Member Reader, Guid Category, Threads.Started Thread)> ThreadWithTwoRepliesTheReaderTracksAsync()
    {
        var author = await MemberAsync("Ann Author");
        var reader = await MemberAsync("Rae Reader");
        var category = await CategoryAsync();
        var started = await StartThreadAsync(author.Token, category);
        await ReplyAsync(reader.Token, started.ThreadId, "I am tracking this now.");
        await ReplyAsync(author.Token, started.ThreadId, "Second answer.");
        await ReplyAsync(author.Token, started.ThreadId, "Third answer.");
        return (reader, category, started);
    }

    private async Task<Threads.Detail> ThreadAsync(Member? member, Guid threadId) =>
        (member is null
            ? await SendAsync(s => s.Get.Url($"/api/forum/threads/{threadId}"))
            : await AsUserAsync(member.Token, s => s.Get.Url($"/api/forum/threads/{threadId}"))).ReadAsJson<Threads.Detail>()!;

    private async Task<string?> LevelAsync(Member member, Guid threadId) => (await ThreadAsync(member, threadId)).WatchLevel;

    private async Task<string> PageAsync(Member member, string url) =>
        await (await AsUserAsync(member.Token, s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url(url);
        })).ReadAsTextAsync();
}
