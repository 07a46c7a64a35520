using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Forum;

public sealed class ThreadPinAndMoveTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task A_pinned_thread_lists_first_in_its_category_until_it_is_unpinned()
    {
        var member = await MemberTokenAsync("member");
        var moderator = await MemberTokenAsync("mod", Roles.Moderator);
        var category = await CategoryAsync();
        var older = await StartThreadAsync(member, category, title: "The older thread");
        await StartThreadAsync(member, category, title: "The newer thread");

        await AsUserAsync(moderator, s =>
        {
            s.Post.Url($"/api/moderation/threads/{older.ThreadId}/pin");
            s.StatusCodeShouldBe(204);
        });
        var pinned = await ListAsync(category);
        pinned.Select(t => t.Title).ShouldBe(["The older thread", "The newer thread"]);
        pinned[0].Pinned.ShouldBeTrue();

        await AsUserAsync(moderator, s =>
        {
            s.Post.Url($"/api/moderation/threads/{older.ThreadId}/unpin");
            s.StatusCodeShouldBe(204);
        });
        (await ListAsync(category)).Select(t => t.Title).ShouldBe(["The newer thread", "The older thread"]);
    }

    [Fact]
    public async Task A_moderator_moves_a_thread_to_another_category()
    {
        var member = await MemberTokenAsync("member");
        var moderator = await MemberTokenAsync("mod", Roles.Moderator);
        var from = await CategoryAsync();
        var to = await CategoryAsync();
        var started = await StartThreadAsync(member, from);

        await AsUserAsync(moderator, s =>
        {
            s.Post.Json(new { categoryId = to }).ToUrl($"/api/moderation/threads/{started.ThreadId}/move");
            s.StatusCodeShouldBe(204);
        });

        (await ListAsync(from)).ShouldBeEmpty();
        (await ListAsync(to)).ShouldHaveSingleItem().Id.ShouldBe(started.ThreadId);
        (await SendAsync(s => s.Get.Url($"/api/forum/threads/{started.ThreadId}"))).ReadAsJson<Threads.Detail>()!.Thread.CategoryId.ShouldBe(to);
    }

    [Fact]
    public async Task Members_may_not_pin_or_move_and_nothing_changes()
    {
        var member = await MemberTokenAsync("member");
        var category = await CategoryAsync();
        var other = await CategoryAsync();
        var started = await StartThreadAsync(member, category);

        foreach (var action in new[] { "pin", "unpin" })
        {
            await AsUserAsync(member, s =>
            {
                s.Post.Url($"/api/moderation/threads/{started.ThreadId}/{action}");
                s.StatusCodeShouldBe(403);
            });
        }

        await AsUserAsync(member, s =>
        {
            s.Post.Json(new { categoryId = other }).ToUrl($"/api/moderation/threads/{started.ThreadId}/move");
            s.StatusCodeShouldBe(403);
        });
        var listed = (await ListAsync(category)).ShouldHaveSingleItem();
        listed.Pinned.ShouldBeFalse();
        listed.CategoryId.ShouldBe(category);
    }

    [Fact]
    public async Task Unknown_threads_and_categories_are_404_and_a_move_without_a_category_is_a_400()
    {
        var member = await MemberTokenAsync("member");
        var moderator = await MemberTokenAsync("mod", Roles.Moderator);
        var category = await CategoryAsync();
        var started = await StartThreadAsync(member, category);

        (await AsUserAsync(moderator, s =>
        {
            s.Post.Url($"/api/moderation/threads/{Guid.NewGuid()}/pin");
            s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404, ProblemTypes.NotFound);
        await AsUserAsync(moderator, s =>
        {
            s.Post.Json(new { categoryId = category }).ToUrl($"/api/moderation/threads/{Guid.NewGuid()}/move");
            s.StatusCodeShouldBe(404);
        });
        await AsUserAsync(moderator, s =>
        {
            s.Post.Json(new { categoryId = Guid.NewGuid() }).ToUrl($"/api/moderation/threads/{started.ThreadId}/move");
            s.StatusCodeShouldBe(404);
        });
        var invalid = await AsUserAsync(moderator, s =>
        {
            s.Post.Json(new { categoryId = Guid.Empty }).ToUrl($"/api/moderation/threads/{started.ThreadId}/move");
            s.StatusCodeShouldBe(400);
        });
        invalid.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors").TryGetProperty("categoryId", out _).ShouldBeTrue();
        (await ListAsync(category)).ShouldHaveSingleItem().Id.ShouldBe(started.ThreadId);
    }

    private async Task<IReadOnlyList<Threads.Summary>> ListAsync(Guid categoryId) =>
        (await SendAsync(s => s.Get.Url($"/api/forum/categories/{categoryId}/threads"))).ReadAsJson<Threads.Summary[]>()!;
}
