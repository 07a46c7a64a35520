using Marketplace.Features.Forum;

namespace Marketplace.Tests.Features.Forum;

/// <summary>What makes the forum's lists easy to read: activity on the front page, and what is new to the reader.</summary>
public sealed class ForumComfortTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task The_forum_index_counts_each_categorys_threads_and_posts_and_shows_its_last_post()
    {
        var member = await MemberTokenAsync("poster");
        var busy = await CategoryAsync();
        await CategoryAsync();
        var first = await StartThreadAsync(member, busy);
        await ReplyAsync(member, first.ThreadId, "A first answer.");
        await StartThreadAsync(member, busy, "Another question?", "Second thread");

        var html = System.Net.WebUtility.HtmlDecode(await (await SendAsync(s => s.Get.Url("/forum"))).ReadAsTextAsync());

        html.ShouldContain("2 threads · 3 posts · last post <time data-relative datetime=\"");
        html.ShouldContain("No threads yet");
    }

    [Fact]
    public async Task A_member_sees_new_on_threads_they_never_opened_and_how_many_posts_came_since_they_read_one()
    {
        var author = await MemberTokenAsync("author");
        var reader = await MemberTokenAsync("reader");
        var category = await CategoryAsync();
        var slug = (await SendAsync(s => s.Get.Url("/api/forum/categories"))).ReadAsJson<Categories.View[]>()!.Single(c => c.Id == category).Slug;
        var read = await StartThreadAsync(author, category, "Read me.", "Read thread");
        await StartThreadAsync(author, category, "Not yet.", "Unopened thread");
        await AsUserAsync(reader, s => s.Get.Url($"/forum/threads/{read.ThreadId}"));
        await ReplyAsync(author, read.ThreadId, "One more.");
        await ReplyAsync(author, read.ThreadId, "And another.");

        var html = await (await AsUserAsync(reader, s => s.Get.Url($"/forum/{slug}"))).ReadAsTextAsync();

        html.ShouldContain($"<a class=\"badge badge-new\" href=\"/forum/threads/{read.ThreadId}\">2 new</a>");
        html.ShouldContain("<span class=\"badge badge-new\">New</span>");
        (await (await AsUserAsync(author, s => s.Get.Url($"/forum/{slug}"))).ReadAsTextAsync()).ShouldNotContain("badge-new");
        (await (await SendAsync(s => s.Get.Url($"/forum/{slug}"))).ReadAsTextAsync()).ShouldNotContain("badge-new");
    }
}
