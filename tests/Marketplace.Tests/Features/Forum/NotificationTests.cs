using Marketplace.Features.Forum.Notifications;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Forum;

public sealed class NotificationTests(AppFixture fixture) : ForumNotificationsTest(fixture)
{
    [Fact]
    public async Task A_mention_notifies_the_member_exactly_once_even_when_the_post_is_handled_again_and_twice_at_once()
    {
        var ada = await MemberAsync("Ada Author");
        var bea = await MemberAsync("Bea Reader");
        var started = await StartAndWaitAsync(ada, await CategoryAsync(), "What do you think, @BeaReader? Also `@BeaReader` in code.");

        await Host.InvokeMessageAndWaitAsync(new NotifyAboutPost(started.PostId));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = Host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new NotifyAboutPost(started.PostId));
        }));

        (await StoredNotificationsAsync(bea)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKinds.Mention);
        var listed = await NotificationsOfAsync(bea);
        listed.UnreadCount.ShouldBe(1);
        var item = listed.Items.ShouldHaveSingleItem();
        item.ThreadId.ShouldBe(started.ThreadId);
        item.PostId.ShouldBe(started.PostId);
        item.Seq.ShouldBe(1);
        item.ThreadTitle.ShouldBe("Exporting fonts");
        item.Actor.ShouldBe(new NotificationActor(ada.Id, "Ada Author"));
        item.Excerpt.ShouldBe("What do you think, @BeaReader? Also @BeaReader in code.");
        item.ReadAt.ShouldBeNull();
        (await StoredNotificationsAsync(ada)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_mention_names_a_member_by_handle_in_any_case_a_shared_display_name_gets_a_numbered_handle_and_an_unknown_one_stays_text()
    {
        var author = await MemberAsync("Ann Author");
        var joe = await MemberAsync("Joe O'Neil");
        var firstTwin = await MemberAsync("Sam Twin");
        var secondTwin = await MemberAsync("Sam Twin");
        var started = await StartAndWaitAsync(author, await CategoryAsync(), "Opening post.");

        var reply = await ReplyAndWaitAsync(author, started.ThreadId, "Thanks @joeoneil, @SamTwin and @samtwin2. Nobody called @NoSuchMember.");

        (await StoredNotificationsAsync(joe)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKinds.Mention);
        (await StoredNotificationsAsync(firstTwin)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKinds.Mention);
        (await StoredNotificationsAsync(secondTwin)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKinds.Mention);
        await using var session = Host.DocumentStore().QuerySession();
        var post = await session.LoadAsync<Marketplace.Features.Forum.ForumPost>(reply.PostId);
        var body = Markdown.RenderedHtml.Parse(post!.Html);
        body.QuerySelectorAll("a.mention").Select(a => (a.TextContent, a.GetAttribute("href")))
            .ShouldBe([("@joeoneil", "/members/JoeONeil"), ("@SamTwin", "/members/SamTwin"), ("@samtwin2", "/members/SamTwin2")]);
        body.TextContent.ShouldContain("Nobody called @NoSuchMember.");
    }

    [Fact]
    public async Task Watchers_get_a_reply_notification_while_tracking_normal_and_muted_members_and_the_author_do_not()
    {
        var author = await MemberAsync("Opening Poster");
        var replier = await MemberAsync("Quick Replier");
        var watcher = await MemberAsync("Wanda Watcher");
        var tracker = await MemberAsync("Tom Tracker");
        var normal = await MemberAsync("Nora Normal");
        var muter = await MemberAsync("Mo Muter");
        var categoryWatcher = await MemberAsync("Cat Watcher");
        var category = await CategoryAsync();
        var started = await StartAndWaitAsync(author, category);
        await WatchThreadAsync(watcher, started.ThreadId, "watching");
        await WatchThreadAsync(tracker, started.ThreadId, "tracking");
        await WatchThreadAsync(normal, started.ThreadId, "normal");
        await WatchThreadAsync(muter, started.ThreadId, "muted");
        await WatchCategoryAsync(categoryWatcher, category, "watching");

        var reply = await ReplyAndWaitAsync(replier, started.ThreadId, "Use the export dialog.");

        foreach (var notified in new[] { author, watcher, categoryWatcher })
        {
            var notification = (await StoredNotificationsAsync(notified)).ShouldHaveSingleItem();
            notification.Kind.ShouldBe(NotificationKinds.Reply);
            notification.PostId.ShouldBe(reply.PostId);
        }

        foreach (var quiet in new[] { replier, tracker, normal, muter })
        {
            (await StoredNotificationsAsync(quiet)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task A_muted_thread_silences_a_watched_category_and_its_mentions_while_a_mention_still_reaches_a_muted_category()
    {
        var author = await MemberAsync("Ann Author");
        var fan = await MemberAsync("Fan Member");
        var category = await CategoryAsync();
        var quietThread = await StartAndWaitAsync(author, category, "First thread.");
        var otherThread = await StartAndWaitAsync(author, category, "Second thread.");
        await WatchCategoryAsync(fan, category, "watching");
        await WatchThreadAsync(fan, quietThread.ThreadId, "muted");

        await ReplyAndWaitAsync(author, quietThread.ThreadId, "A reply, and @FanMember too.");
        (await StoredNotificationsAsync(fan)).ShouldBeEmpty();

        await WatchCategoryAsync(fan, category, "muted");
        await ReplyAndWaitAsync(author, otherThread.ThreadId, "A plain reply in a muted category.");
        (await StoredNotificationsAsync(fan)).ShouldBeEmpty();
        var mention = await ReplyAndWaitAsync(author, otherThread.ThreadId, "But @FanMember should see this.");
        var notification = (await StoredNotificationsAsync(fan)).ShouldHaveSingleItem();
        notification.PostId.ShouldBe(mention.PostId);
        notification.Kind.ShouldBe(NotificationKinds.Mention);
    }

    [Fact]
    public async Task Quoting_a_post_notifies_its_author_and_a_mention_of_them_takes_precedence()
    {
        var quoted = await MemberAsync("Quinn Quoted");
        var quoter = await MemberAsync("Rae Replier");
        var category = await CategoryAsync();
        var started = await StartAndWaitAsync(quoted, category, "Kilns should be *vented*.");
        await WatchThreadAsync(quoted, started.ThreadId, "normal");
        var quote = (await SendAsync(s => s.Get.Url($"/api/forum/posts/{started.PostId}/quote"))).ReadAsJson<Marketplace.Features.Forum.QuotePost.Response>()!;
        quote.Markdown.ShouldBe("Quinn Quoted wrote:\n> Kilns should be *vented*.\n\n");

        var reply = await ReplyAndWaitAsync(quoter, started.ThreadId, quote.Markdown + "Agreed, always.");
        (await StoredNotificationsAsync(quoted)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKinds.Quote);
        (await NotificationsOfAsync(quoted)).Items.ShouldHaveSingleItem().Excerpt.ShouldBe("Agreed, always.");

        await ReplyAndWaitAsync(quoter, started.ThreadId, quote.Markdown + "Right, @QuinnQuoted?");
        (await StoredNotificationsAsync(quoted)).Select(n => n.Kind).Order().ShouldBe([NotificationKinds.Mention, NotificationKinds.Quote]);
        reply.Seq.ShouldBe(2);
    }

    [Fact]
    public async Task An_edit_that_adds_a_mention_notifies_the_newly_mentioned_member_once()
    {
        var author = await MemberAsync("Ann Author");
        var late = await MemberAsync("Late Comer");
        var started = await StartAndWaitAsync(author, await CategoryAsync(), "No mention yet.");

        foreach (var body in new[] { "Now for @LateComer.", "Now for @LateComer, edited again." })
        {
            await Host.ExecuteAndWaitAsync(() => AsUserAsync(author.Token, s =>
            {
                s.Put.Json(new { body }).ToUrl($"/api/forum/posts/{started.PostId}");
                s.StatusCodeShouldBe(200);
            }), 30_000);
        }

        (await StoredNotificationsAsync(late)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKinds.Mention);
    }

    [Fact]
    public async Task A_hidden_post_withdraws_its_notifications_and_restoring_it_brings_them_back()
    {
        var author = await MemberAsync("Ann Author");
        var bea = await MemberAsync("Bea Reader");
        var moderator = await MemberAsync("Mod Erator", Marketplace.Features.Accounts.Roles.Moderator);
        var started = await StartAndWaitAsync(author, await CategoryAsync(), "Hello @BeaReader.");
        (await NotificationsOfAsync(bea)).UnreadCount.ShouldBe(1);

        await Host.ExecuteAndWaitAsync(() => AsUserAsync(moderator.Token, s =>
        {
            s.Post.Url($"/api/moderation/posts/{started.PostId}/hide");
            s.StatusCodeShouldBe(204);
        }), 30_000);
        var hidden = await NotificationsOfAsync(bea);
        hidden.UnreadCount.ShouldBe(0);
        hidden.Items.ShouldBeEmpty();

        await Host.ExecuteAndWaitAsync(() => AsUserAsync(moderator.Token, s =>
        {
            s.Post.Url($"/api/moderation/posts/{started.PostId}/restore");
            s.StatusCodeShouldBe(204);
        }), 30_000);
        (await NotificationsOfAsync(bea)).UnreadCount.ShouldBe(1);
        (await StoredNotificationsAsync(bea)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_deleted_member_is_no_longer_notified_even_when_mentioned_and_their_watches_go()
    {
        var author = await MemberAsync("Ann Author");
        var leaver = await MemberAsync("Lee Leaver");
        var started = await StartAndWaitAsync(leaver, await CategoryAsync(), "My thread, which I watch.");
        await Host.ExecuteAndWaitAsync(() => AsUserAsync(leaver.Token, s =>
        {
            s.Post.Json(new { password = Password }).ToUrl("/api/account/delete");
            s.StatusCodeShouldBe(204);
        }), 30_000);

        await ReplyAndWaitAsync(author, started.ThreadId, "Are you there, @LeeLeaver?");

        (await StoredNotificationsAsync(leaver)).ShouldBeEmpty();
        (await QueryAsync(session => session.Query<Marketplace.Features.Forum.Watching.ThreadWatch>().Where(w => w.MemberId == leaver.Id).CountAsync())).ShouldBe(0);
    }
}
