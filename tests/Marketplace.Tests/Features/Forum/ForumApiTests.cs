using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Forum;

public sealed class ForumApiTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task Replies_get_consecutive_sequence_numbers_even_when_posted_at_once()
    {
        var member = await MemberTokenAsync("poster");
        var started = await StartThreadAsync(member, await CategoryAsync());

        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => ReplyAsync(member, started.ThreadId, $"Reply number {i}")));

        replies.Select(r => r.Seq).Order().ShouldBe(Enumerable.Range(2, 10).Select(i => (long)i));
        var after = await SendAsync(s => s.Get.Url($"/api/forum/threads/{started.ThreadId}?after=5"));
        after.ReadAsJson<Threads.Detail>()!.Posts.Select(p => p.Seq).ShouldBe([6L, 7, 8, 9, 10, 11]);
    }

    [Fact]
    public async Task A_locked_thread_refuses_member_posts_with_409_but_takes_a_moderators()
    {
        var member = await MemberTokenAsync("member");
        var moderator = await MemberTokenAsync("mod", Roles.Moderator);
        var started = await StartThreadAsync(member, await CategoryAsync());
        await AsUserAsync(moderator, s =>
        {
            s.Post.Url($"/api/moderation/threads/{started.ThreadId}/lock");
            s.StatusCodeShouldBe(204);
        });

        var refused = await AsUserAsync(member, s =>
        {
            s.Post.Json(new { body = "Me too!" }).ToUrl($"/api/forum/threads/{started.ThreadId}/posts");
            s.StatusCodeShouldBe(409);
        });

        refused.ShouldBeProblem(409, ProblemTypes.Conflict);
        await ReplyAsync(moderator, started.ThreadId, "Locked: answered in the FAQ.");
        await AsUserAsync(member, s =>
        {
            s.Post.Url($"/api/moderation/threads/{started.ThreadId}/lock");
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task Only_moderators_post_in_a_read_only_category_and_only_admins_make_categories()
    {
        var member = await MemberTokenAsync("reader");
        var announcements = await CategoryAsync(readOnly: true);

        await AsUserAsync(member, s =>
        {
            s.Post.Json(new { title = "My announcement", body = "Hello" }).ToUrl($"/api/forum/categories/{announcements}/threads");
            s.StatusCodeShouldBe(403);
        });
        await AsUserAsync(member, s =>
        {
            s.Post.Json(new { name = "Mine", slug = "mine", description = "", position = 0, readOnly = false }).ToUrl("/api/forum/categories");
            s.StatusCodeShouldBe(403);
        });
        await SendAsync(s =>
        {
            s.Post.Json(new { title = "Anonymous thread", body = "Hello" }).ToUrl($"/api/forum/categories/{announcements}/threads");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task A_member_whose_posting_is_suspended_can_read_but_not_post()
    {
        var email = NewEmail("suspended");
        var id = await CreateAccountAsync(email);
        var token = (await LoginAsync(email)).AccessToken;
        var started = await StartThreadAsync(await MemberTokenAsync("other"), await CategoryAsync());
        await StoreAsync(new ForumMember { Id = id, PostingSuspendedUntil = DateTimeOffset.UtcNow.AddDays(1) });

        await AsUserAsync(token, s => s.Get.Url($"/api/forum/threads/{started.ThreadId}"));
        var refused = await AsUserAsync(token, s =>
        {
            s.Post.Json(new { body = "Can I still post?" }).ToUrl($"/api/forum/threads/{started.ThreadId}/posts");
            s.StatusCodeShouldBe(403);
        });

        refused.ShouldBeProblem(403, ProblemTypes.Forbidden);
    }

    [Fact]
    public async Task The_same_reply_twice_in_a_row_is_refused_as_a_duplicate()
    {
        var member = await MemberTokenAsync("twice");
        var started = await StartThreadAsync(member, await CategoryAsync());
        await ReplyAsync(member, started.ThreadId, "Thanks, that worked!");

        await AsUserAsync(member, s =>
        {
            s.Post.Json(new { body = "Thanks, that worked!" }).ToUrl($"/api/forum/threads/{started.ThreadId}/posts");
            s.StatusCodeShouldBe(409);
        });
    }

    [Fact]
    public async Task Editing_keeps_the_history_and_only_the_author_or_a_moderator_may_edit()
    {
        var author = await MemberTokenAsync("author");
        var started = await StartThreadAsync(author, await CategoryAsync(), "First version");

        await AsUserAsync(await MemberTokenAsync("stranger"), s =>
        {
            s.Put.Json(new { body = "Hijacked" }).ToUrl($"/api/forum/posts/{started.PostId}");
            s.StatusCodeShouldBe(403);
        });
        var edited = await AsUserAsync(author, s => s.Put.Json(new { body = "Second **version**" }).ToUrl($"/api/forum/posts/{started.PostId}"));

        var view = edited.ReadAsJson<PostView>()!;
        view.Html.ShouldContain("<strong>version</strong>");
        view.EditedAt.ShouldNotBeNull();
        var stored = await QueryAsync(session => session.LoadAsync<ForumPost>(started.PostId));
        stored!.Revisions.ShouldHaveSingleItem().Body.ShouldBe("First version");
    }

    [Fact]
    public async Task In_a_locked_thread_the_author_can_no_longer_edit_but_a_moderator_can()
    {
        var author = await MemberTokenAsync("author");
        var moderator = await MemberTokenAsync("mod", Roles.Moderator);
        var started = await StartThreadAsync(author, await CategoryAsync(), "As it was when locked");
        await AsUserAsync(moderator, s =>
        {
            s.Post.Url($"/api/moderation/threads/{started.ThreadId}/lock");
            s.StatusCodeShouldBe(204);
        });

        await AsUserAsync(author, s =>
        {
            s.Put.Json(new { body = "Rewritten after the lock" }).ToUrl($"/api/forum/posts/{started.PostId}");
            s.StatusCodeShouldBe(409);
        });
        (await QueryAsync(session => session.LoadAsync<ForumPost>(started.PostId)))!.Body.ShouldBe("As it was when locked");

        await AsUserAsync(moderator, s =>
        {
            s.Put.Json(new { body = "Moderator's note" }).ToUrl($"/api/forum/posts/{started.PostId}");
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task A_member_has_one_vote_per_post_even_when_voting_many_times_at_once()
    {
        var member = await MemberTokenAsync("voter");
        var started = await StartThreadAsync(await MemberTokenAsync("op"), await CategoryAsync());

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => AsUserAsync(member, s =>
            s.Post.Json(new { value = 1 }).ToUrl($"/api/forum/posts/{started.PostId}/votes"))));
        var changed = await AsUserAsync(member, s => s.Post.Json(new { value = -1 }).ToUrl($"/api/forum/posts/{started.PostId}/votes"));

        changed.ReadAsJson<Posts.Score>()!.Total.ShouldBe(-1);
        await AsUserAsync(member, s =>
        {
            s.Post.Json(new { value = 5 }).ToUrl($"/api/forum/posts/{started.PostId}/votes");
            s.StatusCodeShouldBe(400);
        });
    }
}
