using System.Net;
using System.Text.RegularExpressions;
using Alba;
using Marketplace.Features.Forum;

namespace Marketplace.Tests.Features.Forum;

public sealed partial class ForumPageFormTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task A_reply_form_over_the_posting_limit_is_a_429_page_that_keeps_the_text_and_posts_nothing()
    {
        var newcomer = await MemberTokenAsync("newcomer", TimeSpan.FromMinutes(5));
        var started = await StartThreadAsync(await MemberTokenAsync("op"), await CategoryAsync());
        for (var i = 1; i <= 6; i++)
        {
            await ReplyAsync(newcomer, started.ThreadId, $"Hello number {i}");
        }

        var refused = await PostFormAsync(newcomer, $"/forum/threads/{started.ThreadId}", new() { ["Input.Body"] = "One more, too soon." }, 429);

        refused.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeNullOrEmpty();
        var html = await refused.ReadAsTextAsync();
        html.ShouldContain("You are posting faster than the forum allows for now.");
        html.ShouldContain("Try again in 20 seconds.");
        Composer(html).ShouldBe("One more, too soon.");
        ThreadOf(await SendAsync(s => s.Get.Url($"/api/forum/threads/{started.ThreadId}"))).Posts.Count.ShouldBe(7);
    }

    [Fact]
    public async Task An_empty_reply_is_told_it_is_empty_even_when_the_posting_limit_is_spent()
    {
        var newcomer = await MemberTokenAsync("newcomer", TimeSpan.FromMinutes(5));
        var started = await StartThreadAsync(await MemberTokenAsync("op"), await CategoryAsync());
        for (var i = 1; i <= 6; i++)
        {
            await ReplyAsync(newcomer, started.ThreadId, $"Hello number {i}");
        }

        var refused = await PostFormAsync(newcomer, $"/forum/threads/{started.ThreadId}", new() { ["Input.Body"] = "  " }, 200);

        var html = await refused.ReadAsTextAsync();
        html.ShouldNotContain("faster than the forum allows");
        html.ShouldContain("The post is empty: write something first.");
        html.ShouldContain("aria-invalid=\"true\"");
        var api = await AsUserAsync(newcomer, s =>
        {
            s.Post.Json(new { body = "" }).ToUrl($"/api/forum/threads/{started.ThreadId}/posts");
            s.StatusCodeShouldBe(400);
        });
        api.ShouldBeProblem(400, Marketplace.Infrastructure.Web.ProblemTypes.Validation);
    }

    [Fact]
    public async Task The_new_thread_form_shares_the_posting_limit_with_the_api()
    {
        var newcomer = await MemberTokenAsync("newcomer", TimeSpan.FromMinutes(5));
        var category = await CategoryAsync();
        var slug = (await SendAsync(s => s.Get.Url("/api/forum/categories"))).ReadAsJson<Categories.View[]>()!.Single(c => c.Id == category).Slug;
        for (var i = 1; i <= 6; i++)
        {
            await StartThreadAsync(newcomer, category, title: $"Thread number {i}");
        }

        var refused = await PostFormAsync(newcomer, $"/forum/{slug}", new() { ["Input.Title"] = "A fourth thread", ["Input.Body"] = "Typed with care." }, 429);

        var html = await refused.ReadAsTextAsync();
        html.ShouldContain("You are posting faster than the forum allows for now.");
        html.ShouldContain("value=\"A fourth thread\"");
        Composer(html).ShouldBe("Typed with care.");
        (await SendAsync(s => s.Get.Url($"/api/forum/categories/{category}/threads"))).ReadAsJson<Threads.Summary[]>()!.Length.ShouldBe(6);
    }

    [Fact]
    public async Task A_reply_form_within_the_limit_posts_and_redirects_to_the_post()
    {
        var member = await MemberTokenAsync("member");
        var started = await StartThreadAsync(member, await CategoryAsync());

        var posted = await PostFormAsync(member, $"/forum/threads/{started.ThreadId}", new() { ["Input.Body"] = "From the form." }, 302);

        posted.Context.Response.Headers.Location.ToString().ShouldBe($"/forum/threads/{started.ThreadId}#post-2");
    }

    [Fact]
    public async Task The_quote_link_starts_the_reply_with_a_quote_of_the_post_and_ignores_posts_of_other_threads()
    {
        var member = await MemberTokenAsync("member");
        var category = await CategoryAsync();
        var started = await StartThreadAsync(member, category, body: "Glaze at **cone 6**.");
        var elsewhere = await StartThreadAsync(member, category, body: "Another thread entirely.");

        var quoted = await PageAsync(member, $"/forum/threads/{started.ThreadId}?quote={started.PostId}");
        var foreign = await PageAsync(member, $"/forum/threads/{started.ThreadId}?quote={elsewhere.PostId}");

        Composer(quoted).ShouldBe("Test Person wrote:\n> Glaze at **cone 6**.\n\n");
        quoted.ShouldContain($"href=\"?quote={started.PostId}#reply-form\"");
        Composer(foreign).ShouldBeEmpty();
    }

    /// <summary>What the composer's textarea holds, as the browser reads it.</summary>
    private static string Composer(string html) =>
        WebUtility.HtmlDecode(Textarea().Match(html).Groups["text"].Value);

    private static Threads.Detail ThreadOf(IScenarioResult result) => result.ReadAsJson<Threads.Detail>()!;

    private async Task<string> PageAsync(string token, string url) =>
        await (await AsUserAsync(token, s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url(url);
        })).ReadAsTextAsync();

    [GeneratedRegex("<textarea[^>]*name=\"Input.Body\">\n?(?<text>[^<]*)</textarea>")]
    private static partial Regex Textarea();
}
