using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;

namespace Marketplace.Tests.Features.Forum;

/// <summary>A post's menu on the thread page: its forms post to the thread's actions page, with antiforgery, without script.</summary>
public sealed class PostMenuTests(AppFixture fixture) : ForumTest(fixture)
{
    private static string Actions(Guid threadId, string handler) => $"/forum/threads/{threadId}/actions?handler={handler}";

    [Fact]
    public async Task The_author_edits_their_post_from_its_menu_and_it_shows_as_edited()
    {
        var member = await MemberTokenAsync("member");
        var started = await StartThreadAsync(member, await CategoryAsync());
        var page = await ThreadPageAsync(member, started.ThreadId);
        page.ShouldContain($"name=\"postId\" value=\"{started.PostId}\"");
        page.ShouldContain("How do I export my fonts?</textarea>");

        var saved = await PostFormAsync(member, Actions(started.ThreadId, "EditPost"),
            new() { ["postId"] = $"{started.PostId}", ["body"] = "How do I export my **fonts** as WOFF2?" }, 302, $"/forum/threads/{started.ThreadId}");

        saved.Context.Response.Headers.Location.ToString().ShouldBe($"/forum/threads/{started.ThreadId}#post-1");
        var post = (await QueryAsync(q => q.LoadAsync<ForumPost>(started.PostId)))!;
        post.Body.ShouldBe("How do I export my **fonts** as WOFF2?");
        post.EditedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Editing_another_members_post_from_the_page_is_refused_and_changes_nothing()
    {
        var author = await MemberTokenAsync("author");
        var other = await MemberTokenAsync("other");
        var started = await StartThreadAsync(author, await CategoryAsync());
        (await ThreadPageAsync(other, started.ThreadId)).ShouldNotContain($"name=\"postId\" value=\"{started.PostId}\"");

        await PostFormAsync(other, Actions(started.ThreadId, "EditPost"),
            new() { ["postId"] = $"{started.PostId}", ["body"] = "Defaced." }, 403, $"/forum/threads/{started.ThreadId}");

        (await QueryAsync(q => q.LoadAsync<ForumPost>(started.PostId)))!.Body.ShouldBe("How do I export my fonts?");
    }

    [Fact]
    public async Task An_empty_edit_from_the_page_is_refused_with_a_notice_and_changes_nothing()
    {
        var member = await MemberTokenAsync("member");
        var started = await StartThreadAsync(member, await CategoryAsync());

        await PostFormAsync(member, Actions(started.ThreadId, "EditPost"),
            new() { ["postId"] = $"{started.PostId}", ["body"] = "   " }, 302, $"/forum/threads/{started.ThreadId}");

        (await QueryAsync(q => q.LoadAsync<ForumPost>(started.PostId)))!.EditedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_plain_member_cannot_hide_or_restore_a_post_from_the_page_and_sees_no_moderation_in_the_menu()
    {
        var author = await MemberTokenAsync("author");
        var member = await MemberTokenAsync("member");
        var started = await StartThreadAsync(author, await CategoryAsync());
        (await ThreadPageAsync(member, started.ThreadId)).ShouldNotContain("post-hide-form");

        await PostFormAsync(member, Actions(started.ThreadId, "HidePost"),
            new() { ["postId"] = $"{started.PostId}", ["reason"] = "I do not like it." }, 403, $"/forum/threads/{started.ThreadId}");
        await PostFormAsync(member, Actions(started.ThreadId, "RestorePost"), new() { ["postId"] = $"{started.PostId}" }, 403, $"/forum/threads/{started.ThreadId}");

        (await QueryAsync(q => q.LoadAsync<ForumPost>(started.PostId)))!.Hidden.ShouldBeFalse();
    }

    [Fact]
    public async Task A_moderator_hides_a_post_from_its_menu_with_a_reason_and_restores_it()
    {
        var author = await MemberTokenAsync("author");
        var moderator = await MemberTokenAsync("mod", Roles.Moderator);
        var started = await StartThreadAsync(author, await CategoryAsync());
        var reply = await ReplyAsync(author, started.ThreadId, "Cheap followers at spam.example");
        (await ThreadPageAsync(moderator, started.ThreadId)).ShouldContain("post-hide-form");

        await PostFormAsync(moderator, Actions(started.ThreadId, "HidePost"),
            new() { ["postId"] = $"{reply.PostId}", ["reason"] = "Advertising." }, 302, $"/forum/threads/{started.ThreadId}");
        (await QueryAsync(q => q.LoadAsync<ForumPost>(reply.PostId)))!.Hidden.ShouldBeTrue();
        (await ThreadPageAsync(author, started.ThreadId)).ShouldNotContain("Cheap followers");

        await PostFormAsync(moderator, Actions(started.ThreadId, "RestorePost"), new() { ["postId"] = $"{reply.PostId}" }, 302, $"/forum/threads/{started.ThreadId}");
        (await QueryAsync(q => q.LoadAsync<ForumPost>(reply.PostId)))!.Hidden.ShouldBeFalse();
    }

    [Fact]
    public async Task A_hide_reason_with_control_characters_or_too_long_is_refused_and_hides_nothing()
    {
        var author = await MemberTokenAsync("author");
        var moderator = await MemberTokenAsync("mod", Roles.Moderator);
        var started = await StartThreadAsync(author, await CategoryAsync());

        foreach (var reason in new[] { "Spam\u0007", new string('x', 501) })
        {
            await PostFormAsync(moderator, Actions(started.ThreadId, "HidePost"),
                new() { ["postId"] = $"{started.PostId}", ["reason"] = reason }, 400, $"/forum/threads/{started.ThreadId}");
        }

        (await QueryAsync(q => q.LoadAsync<ForumPost>(started.PostId)))!.Hidden.ShouldBeFalse();
    }

    [Fact]
    public async Task The_post_menu_handlers_answer_each_visitor_as_written_down()
    {
        var author = await MemberTokenAsync("author");
        var other = await MemberTokenAsync("other");
        var moderator = await MemberTokenAsync("mod", Roles.Moderator);
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var started = await StartThreadAsync(author, await CategoryAsync());
        var thread = $"/forum/threads/{started.ThreadId}";
        var expected = new (string Handler, string? Token, int Status)[]
        {
            ("HidePost", null, 302), ("HidePost", author, 403), ("HidePost", other, 403), ("HidePost", moderator, 302), ("HidePost", admin, 302),
            ("RestorePost", null, 302), ("RestorePost", author, 403), ("RestorePost", other, 403), ("RestorePost", admin, 302), ("RestorePost", moderator, 302),
            ("EditPost", null, 302), ("EditPost", other, 403), ("EditPost", author, 302), ("EditPost", moderator, 302), ("EditPost", admin, 302),
        };

        foreach (var (handler, token, status) in expected)
        {
            var fields = new Dictionary<string, string> { ["postId"] = $"{started.PostId}", ["body"] = $"Edited by the {handler} row." };
            if (token is null)
            {
                var anonymous = await SendAsync(s =>
                {
                    s.Post.FormData(fields).ToUrl($"{thread}/actions").QueryString("handler", handler);
                    s.IgnoreStatusCode();
                });
                anonymous.Context.Response.StatusCode.ShouldBe(status, $"{handler}, anonymous");
                anonymous.Context.Response.Headers.Location.ToString().ShouldContain("/account/login");
            }
            else
            {
                await PostFormAsync(token, Actions(started.ThreadId, handler), fields, status, thread);
            }
        }
    }

    private async Task<string> ThreadPageAsync(string token, Guid threadId) =>
        await (await AsUserAsync(token, s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url($"/forum/threads/{threadId}");
        })).ReadAsTextAsync();
}
