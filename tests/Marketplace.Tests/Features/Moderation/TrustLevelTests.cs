using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Web;
using Marketplace.Tests.Features.Forum;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

public sealed class TrustLevelTests(AppFixture fixture) : ForumTest(fixture)
{
    private sealed record Newcomer(Guid Id, string Token);

    private static string TrustOf(Guid memberId) => $"/api/moderation/users/{memberId}/trust";

    /// <summary>An account made just now: trust level 0 (new).</summary>
    private async Task<Newcomer> NewcomerAsync(string who)
    {
        var email = NewEmail(who);
        var id = await CreateAccountAsync(email);
        return new Newcomer(id, (await LoginAsync(email)).AccessToken);
    }

    private async Task<JsonElement> SetLevelAsync(string moderator, Guid memberId, int level, string reason = "Known to the team.") =>
        (await AsUserAsync(moderator, s =>
        {
            s.Post.Json(new { level, reason }).ToUrl(TrustOf(memberId));
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<JsonElement>();

    private Task<int> ReplyStatusAsync(string token, Guid threadId, string body) =>
        ApiStatusAsync(token, s => s.Post.Json(new { body }).ToUrl($"/api/forum/threads/{threadId}/posts"));

    [Fact]
    public async Task A_new_member_cannot_post_links_or_images_and_is_told_why_and_how_to_earn_them()
    {
        var category = await CategoryAsync();
        var started = await StartThreadAsync(await MemberTokenAsync("op"), category);
        var newcomer = await NewcomerAsync("newcomer");

        // Each refused post costs a newcomer's posting permit (6 at once): every kind of link is in ForumMarkdownTests.
        foreach (var body in new[] { "See [my site](https://example.com)", "Look: https://example.com/a", "![me](https://cdn.example/me.png)" })
        {
            var refused = await AsUserAsync(newcomer.Token, s =>
            {
                s.Post.Json(new { body }).ToUrl($"/api/forum/threads/{started.ThreadId}/posts");
                s.StatusCodeShouldBe(422);
            });
            var problem = refused.ShouldBeProblem(422, ProblemTypes.TrustLevelTooLow);
            problem.GetProperty("title").GetString().ShouldBe("New members cannot post links or images yet.");
            problem.GetProperty("detail").GetString()!.ShouldContain("trust level 1");
        }

        (await ApiStatusAsync(newcomer.Token, s => s.Post.Json(new { title = "Links", body = "[x](https://example.com)" }).ToUrl($"/api/forum/categories/{category}/threads"))).ShouldBe(422);
        (await ReplyStatusAsync(newcomer.Token, started.ThreadId, "Thanks @someone, plain words are fine.")).ShouldBe(201);
        var own = (await QueryAsync(q => q.Query<Marketplace.Features.Forum.ForumPost>().Where(p => p.AuthorId == newcomer.Id).ToListAsync())).ShouldHaveSingleItem();
        (await ApiStatusAsync(newcomer.Token, s => s.Put.Json(new { body = "Now with https://example.com" }).ToUrl($"/api/forum/posts/{own.Id}"))).ShouldBe(422);
        (await ReplyStatusAsync(await MemberTokenAsync("staff", TimeSpan.Zero, Roles.Moderator), started.ThreadId, "Staff link: https://example.com")).ShouldBe(201);
    }

    [Fact]
    public async Task The_reply_form_tells_a_new_member_about_links_and_refuses_them_with_the_same_words()
    {
        var started = await StartThreadAsync(await MemberTokenAsync("op"), await CategoryAsync());
        var newcomer = await NewcomerAsync("newcomer");
        var url = $"/forum/threads/{started.ThreadId}";

        var page = await (await AsUserAsync(newcomer.Token, s => { s.WithRequestHeader("Accept", "text/html"); s.Get.Url(url); })).ReadAsTextAsync();
        page.ShouldContain("New members cannot post links or images yet.");

        var refused = await PostFormAsync(newcomer.Token, url, new() { ["Input.Body"] = "Visit https://example.com" }, 200);
        (await refused.ReadAsTextAsync()).ShouldContain("They open up at trust level 1 (basic)");
        (await QueryAsync(q => q.Query<Marketplace.Features.Forum.ForumPost>().CountAsync(p => p.AuthorId == newcomer.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_moderator_sets_a_level_with_an_audited_before_and_after_and_the_member_may_then_post_links()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var started = await StartThreadAsync(await MemberTokenAsync("op"), await CategoryAsync());
        var newcomer = await NewcomerAsync("newcomer");

        var set = await SetLevelAsync(moderator, newcomer.Id, 1, "Known seller from the meetup.");
        await SetLevelAsync(moderator, newcomer.Id, 1, "Known seller from the meetup.");

        (set.GetProperty("level").GetInt32(), set.GetProperty("name").GetString(), set.GetProperty("held").GetBoolean()).ShouldBe((1, "basic", false));
        var entry = (await QueryAsync(q => q.Query<AuditEntry>().Where(e => e.Action == "member.trust").ToListAsync())).ShouldHaveSingleItem();
        (entry.TargetId, entry.Reason, entry.Before["level"], entry.After["level"], entry.After["name"]).ShouldBe(($"{newcomer.Id}", "Known seller from the meetup.", "0", "1", "basic"));
        (await ReplyStatusAsync(newcomer.Token, started.ThreadId, "My shop: https://example.com")).ShouldBe(201);
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var users = await (await AsUserAsync(admin, s => { s.WithRequestHeader("Accept", "text/html"); s.Get.Url("/admin/users?q=newcomer"); })).ReadAsTextAsync();
        users.ShouldContain("<td data-label=\"Trust\">basic</td>");
    }

    [Fact]
    public async Task A_new_member_raised_to_basic_leaves_the_newcomers_posting_pace()
    {
        var started = await StartThreadAsync(await MemberTokenAsync("op"), await CategoryAsync());
        var newcomer = await NewcomerAsync("newcomer");
        for (var i = 1; i <= 6; i++)
        {
            (await ReplyStatusAsync(newcomer.Token, started.ThreadId, $"Hello number {i}")).ShouldBe(201);
        }

        (await ReplyStatusAsync(newcomer.Token, started.ThreadId, "Hello number 7")).ShouldBe(429);
        await SetLevelAsync(await MemberTokenAsync("moderator", Roles.Moderator), newcomer.Id, 1);

        (await ReplyStatusAsync(newcomer.Token, started.ThreadId, "Hello number 7")).ShouldBe(201);
    }
}
