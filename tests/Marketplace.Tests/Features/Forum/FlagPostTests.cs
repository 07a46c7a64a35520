using Marketplace.Features.Forum;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Forum;

public sealed class FlagPostTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task Flagging_a_post_twice_or_at_once_leaves_one_flag_for_the_moderators()
    {
        var started = await StartThreadAsync(await MemberTokenAsync("op"), await CategoryAsync());
        var reporter = await MemberTokenAsync("reporter");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AsUserAsync(reporter, s =>
        {
            s.Post.Json(new { reason = "Spam link" }).ToUrl($"/api/forum/posts/{started.PostId}/flags");
            s.StatusCodeShouldBe(202);
        })));

        var flag = (await QueryAsync(session => Marten.QueryableExtensions.ToListAsync(session.Query<PostFlag>()))).ShouldHaveSingleItem();
        flag.Reason.ShouldBe("Spam link");
        flag.PostId.ShouldBe(started.PostId);
    }

    [Fact]
    public async Task A_flag_needs_a_reason_and_nobody_flags_their_own_post()
    {
        var author = await MemberTokenAsync("author");
        var started = await StartThreadAsync(author, await CategoryAsync());

        var noReason = await AsUserAsync(await MemberTokenAsync("terse"), s =>
        {
            s.Post.Json(new { reason = "" }).ToUrl($"/api/forum/posts/{started.PostId}/flags");
            s.StatusCodeShouldBe(400);
        });
        noReason.ShouldBeProblem(400, ProblemTypes.Validation);
        await AsUserAsync(author, s =>
        {
            s.Post.Json(new { reason = "Flagging myself" }).ToUrl($"/api/forum/posts/{started.PostId}/flags");
            s.StatusCodeShouldBe(409);
        });
        (await QueryAsync(session => Marten.QueryableExtensions.CountAsync(session.Query<PostFlag>()))).ShouldBe(0);
    }
}
