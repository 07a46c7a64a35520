using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Forum;

public sealed class PostingLimitsTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task A_new_account_may_post_six_times_at_once_and_the_seventh_waits_20_seconds()
    {
        var newcomer = await MemberTokenAsync("newcomer", TimeSpan.FromMinutes(5));
        var started = await StartThreadAsync(await MemberTokenAsync("op"), await CategoryAsync());
        for (var i = 1; i <= 6; i++)
        {
            await ReplyAsync(newcomer, started.ThreadId, $"Hello number {i}");
        }

        var limited = await AsUserAsync(newcomer, s =>
        {
            s.Post.Json(new { body = "Hello number 7" }).ToUrl($"/api/forum/threads/{started.ThreadId}/posts");
            s.StatusCodeShouldBe(429);
        });

        limited.ShouldBeProblem(429, ProblemTypes.TooManyRequests);
        limited.Context.Response.Headers.RetryAfter.ToString().ShouldBe("20");
        (await limited.ReadAsTextAsync()).ShouldContain("Try again in 20 seconds.");
    }

    [Fact]
    public async Task An_established_member_is_not_held_back_by_the_newcomer_limit()
    {
        var regular = await MemberTokenAsync("regular");
        var started = await StartThreadAsync(regular, await CategoryAsync());

        for (var i = 1; i <= 8; i++)
        {
            await ReplyAsync(regular, started.ThreadId, $"Reply {i}");
        }
    }
}
