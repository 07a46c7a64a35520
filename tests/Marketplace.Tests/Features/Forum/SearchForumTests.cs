using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Forum;

public sealed class SearchForumTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task Search_finds_threads_and_posts_by_their_words_and_hides_hidden_posts_from_members()
    {
        var member = await MemberTokenAsync("searcher");
        var category = await CategoryAsync();
        var started = await StartThreadAsync(member, category, "Kerning tables look broken in exported fonts");
        var hidden = await ReplyAsync(member, started.ThreadId, "Kerning rant that a moderator hid");
        var stored = await QueryAsync(session => session.LoadAsync<ForumPost>(hidden.PostId));
        stored!.Hidden = true;
        await StoreAsync(stored);
        await StartThreadAsync(member, category, "Something about invoices", title: "Invoices for teams");

        var asMember = (await AsUserAsync(member, s => s.Get.Url("/api/forum/search?q=kerning"))).ReadAsJson<SearchForum.Response>()!;
        var asModerator = (await AsUserAsync(await MemberTokenAsync("mod", Roles.Moderator), s => s.Get.Url("/api/forum/search?q=kerning")))
            .ReadAsJson<SearchForum.Response>()!;

        asMember.Posts.ShouldHaveSingleItem().Post.PostId.ShouldBe(started.PostId);
        asMember.Posts[0].ThreadTitle.ShouldBe("Exporting fonts");
        asModerator.Posts.Select(p => p.Post.PostId).ShouldBe([hidden.PostId, started.PostId], ignoreOrder: true);
        var titles = (await SendAsync(s => s.Get.Url("/api/forum/search?q=exporting"))).ReadAsJson<SearchForum.Response>()!;
        titles.Threads.ShouldHaveSingleItem().Id.ShouldBe(started.ThreadId);
    }

    [Fact]
    public async Task A_too_short_query_is_a_validation_problem()
    {
        var result = await SendAsync(s =>
        {
            s.Get.Url("/api/forum/search?q=a");
            s.StatusCodeShouldBe(400);
        });

        result.ShouldBeProblem(400, ProblemTypes.Validation);
    }

    [Fact]
    public async Task The_search_page_links_each_found_post_and_leaves_hidden_ones_out()
    {
        var member = await MemberTokenAsync("searcher");
        var started = await StartThreadAsync(member, await CategoryAsync(), "Ligatures vanish when I export to WOFF2", "Ligature trouble");
        var hidden = await ReplyAsync(member, started.ThreadId, "Ligatures rant that a moderator hid");
        var stored = await QueryAsync(session => session.LoadAsync<ForumPost>(hidden.PostId));
        stored!.Hidden = true;
        await StoreAsync(stored);

        // The singular finds the plural: words match their forms.
        var html = await (await SendAsync(s => s.Get.Url("/forum/search?q=ligature"))).ReadAsTextAsync();

        html.ShouldContain($"href=\"/forum/threads/{started.ThreadId}\"");
        html.ShouldContain($"href=\"/forum/threads/{started.ThreadId}#post-1\"");
        html.ShouldContain("Ligatures vanish when I export to WOFF2");
        html.ShouldNotContain("rant that a moderator hid");
        html.ShouldNotContain("#post-2");
    }

    [Fact]
    public async Task The_search_page_explains_a_too_short_query()
    {
        var html = await (await SendAsync(s => s.Get.Url("/forum/search?q=a"))).ReadAsTextAsync();

        html.ShouldContain("Search for 2 to 200 characters.");
    }
}
