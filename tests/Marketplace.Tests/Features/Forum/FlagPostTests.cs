using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Features.Moderation;
using Marketplace.Features.Moderation.Trust;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Tests.Features.Forum;

public sealed class FlagPostTests(AppFixture fixture) : ForumTest(fixture)
{
    private static string FlagsOf(Guid postId) => $"/api/forum/posts/{postId}/flags";

    private async Task<(Guid ThreadId, Guid PostId)> RudeReplyAsync()
    {
        var author = await MemberTokenAsync("author");
        var started = await StartThreadAsync(author, await CategoryAsync());
        return (started.ThreadId, (await ReplyAsync(author, started.ThreadId, "Buy cheap watches at my site")).PostId);
    }

    private async Task FlagAsync(string token, Guid postId, string reason = "spam", int status = 202) =>
        await AsUserAsync(token, s =>
        {
            s.Post.Json(new { reason, text = "Selling watches" }).ToUrl(FlagsOf(postId));
            s.StatusCodeShouldBe(status);
        });

    private Task<ForumPost?> PostAsync(Guid postId) => QueryAsync(q => q.LoadAsync<ForumPost>(postId));

    [Fact]
    public async Task Flagging_a_post_twice_or_at_once_leaves_one_flag_and_one_queue_item()
    {
        var rude = await RudeReplyAsync();
        var reporter = await MemberTokenAsync("reporter");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => FlagAsync(reporter, rude.PostId)));

        var flag = (await QueryAsync(q => q.Query<PostFlag>().ToListAsync())).ShouldHaveSingleItem();
        (flag.Reason, flag.Text, flag.PostId).ShouldBe(("spam", "Selling watches", rude.PostId));
        (await QueryAsync(q => q.Query<QueueItem>().ToListAsync())).ShouldHaveSingleItem().Id.ShouldBe(QueueItem.IdOf(QueueKinds.Post, rude.PostId));
    }

    [Fact]
    public async Task Three_distinct_trusted_members_hide_the_post_live_until_reviewed_and_the_log_names_the_system()
    {
        var rude = await RudeReplyAsync();
        await using var reader = await HubClient.ConnectAsync(Host);
        await reader.JoinAsync(rude.ThreadId, 2);
        var flaggers = new[] { await MemberTokenAsync("first"), await MemberTokenAsync("second"), await MemberTokenAsync("third") };

        await FlagAsync(flaggers[0], rude.PostId);
        await FlagAsync(flaggers[1], rude.PostId, "abuse");
        (await PostAsync(rude.PostId))!.Hidden.ShouldBeFalse();
        await FlagAsync(flaggers[2], rude.PostId, "off-topic");

        (await PostAsync(rude.PostId))!.Hidden.ShouldBeTrue();
        await HubClient.EventuallyAsync(() => !reader.HiddenSignals.IsEmpty);
        var entry = (await QueryAsync(q => q.Query<AuditEntry>().ToListAsync())).ShouldHaveSingleItem();
        (entry.Action, entry.ActorName, entry.TargetId).ShouldBe(("post.hide", "system", $"{rude.PostId}"));
        (await QueryAsync(q => q.LoadAsync<QueueItem>(QueueItem.IdOf(QueueKinds.Post, rude.PostId))))!.AutoHidden.ShouldBeTrue();
    }

    [Fact]
    public async Task Three_flags_from_one_member_or_from_new_accounts_do_not_hide_the_post()
    {
        var rude = await RudeReplyAsync();
        var trusted = await MemberTokenAsync("trusted");
        for (var i = 0; i < 3; i++)
        {
            await FlagAsync(trusted, rude.PostId);
        }

        foreach (var who in new[] { "new-one", "new-two", "new-three" })
        {
            await FlagAsync(await MemberTokenAsync(who, TimeSpan.FromDays(1)), rude.PostId);
        }

        (await PostAsync(rude.PostId))!.Hidden.ShouldBeFalse();
        (await QueryAsync(q => q.Query<PostFlag>().CountAsync())).ShouldBe(4);
        (await QueryAsync(q => q.Query<AuditEntry>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_trusted_flagger_level_is_configurable()
    {
        Set<ModerationOptions, int>(o => o.TrustedFlaggerLevel, TrustLevels.New);
        var rude = await RudeReplyAsync();

        foreach (var who in new[] { "day-one", "day-two", "day-three" })
        {
            await FlagAsync(await MemberTokenAsync(who, TimeSpan.FromDays(1)), rude.PostId);
        }

        (await PostAsync(rude.PostId))!.Hidden.ShouldBeTrue();
    }

    [Fact]
    public async Task Members_and_staff_flag_while_strangers_and_suspended_members_cannot()
    {
        Set<ModerationOptions, int>(o => o.FlagsToHide, 100); // four trusted flags would hide the post before the last caller
        var rude = await RudeReplyAsync();
        var suspended = await MemberTokenAsync("suspended");
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var suspendedId = (await QueryAsync(q => q.Query<UserAccount>().Where(a => a.NormalizedEmail!.StartsWith("SUSPENDED")).SingleAsync())).Id;
        await AsUserAsync(moderator, s =>
        {
            s.Post.Json(new { until = DateTimeOffset.UtcNow.AddDays(3), reason = "Flag spam." }).ToUrl($"/api/moderation/users/{suspendedId}/suspend");
            s.StatusCodeShouldBe(200);
        });
        var body = new { reason = "spam" };

        foreach (var (token, status) in new (string?, int)[]
        {
            (null, 401), (suspended, 403), (await MemberTokenAsync("member"), 202), (await MemberTokenAsync("seller", Roles.Seller), 202),
            (moderator, 202), (await MemberTokenAsync("admin", Roles.Admin), 202),
        })
        {
            (await ApiStatusAsync(token, s => s.Post.Json(body).ToUrl(FlagsOf(rude.PostId)))).ShouldBe(status);
        }
    }

    [Fact]
    public async Task A_flag_needs_a_known_reason_and_sane_text_and_nobody_flags_their_own_post()
    {
        var author = await MemberTokenAsync("author");
        var started = await StartThreadAsync(author, await CategoryAsync());
        var reporter = await MemberTokenAsync("reporter");
        var url = FlagsOf(started.PostId);

        foreach (var body in new object[]
        {
            new { reason = "" }, new { reason = "rude" }, new { reason = "SPAM" }, new { reason = "other" }, new { reason = "spam\0" },
            new { reason = "spam", text = new string('x', 501) }, new { reason = "abuse", text = "Null\0byte" }, new { reason = "abuse", text = "Bell\u0007" },
        })
        {
            (await AsUserAsync(reporter, s => { s.Post.Json(body).ToUrl(url); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400, ProblemTypes.Validation);
        }

        (await ApiStatusAsync(reporter, s => s.Post.Text("{\"reason\":").ContentType("application/json").ToUrl(url))).ShouldBe(400);
        (await ApiStatusAsync(reporter, s => s.Post.Text("reason=spam").ContentType("application/x-www-form-urlencoded").ToUrl(url))).ShouldBe(415);
        (await ApiStatusAsync(reporter, s => s.Post.Json(new { reason = "spam" }).ToUrl(FlagsOf(Guid.NewGuid())))).ShouldBe(404);
        (await ApiStatusAsync(reporter, s => s.Post.Json(new { reason = "spam" }).ToUrl("/api/forum/posts/not-a-guid/flags"))).ShouldBe(404);
        (await ApiStatusAsync(author, s => s.Post.Json(new { reason = "spam" }).ToUrl(url))).ShouldBe(409);
        (await QueryAsync(q => q.Query<PostFlag>().CountAsync())).ShouldBe(0);
        (await QueryAsync(q => q.Query<QueueItem>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_flags_a_post_from_its_menu_on_the_thread_page_but_not_their_own()
    {
        var author = await MemberTokenAsync("author");
        var started = await StartThreadAsync(author, await CategoryAsync());
        var reply = await ReplyAsync(await MemberTokenAsync("replier"), started.ThreadId, "A reply to flag");
        var reader = await MemberTokenAsync("reader");

        var page = await (await AsUserAsync(author, s => { s.WithRequestHeader("Accept", "text/html"); s.Get.Url($"/forum/threads/{started.ThreadId}"); })).ReadAsTextAsync();
        page.ShouldContain($"action=\"/forum/posts/{reply.PostId}/flag\"");
        page.ShouldNotContain($"action=\"/forum/posts/{started.PostId}/flag\"");

        await PostFormAsync(reader, $"/forum/posts/{reply.PostId}/flag", new() { ["Input.Reason"] = "other", ["Input.Text"] = "" }, 200);
        (await QueryAsync(q => q.Query<PostFlag>().CountAsync())).ShouldBe(0);
        var done = await PostFormAsync(reader, $"/forum/posts/{reply.PostId}/flag", new() { ["Input.Reason"] = "abuse", ["Input.Text"] = "Rude" }, 302);
        done.Context.Response.Headers.Location.ToString().ShouldStartWith($"/forum/threads/{started.ThreadId}");
        (await QueryAsync(q => q.Query<PostFlag>().SingleAsync())).Reason.ShouldBe("abuse");
    }
}
