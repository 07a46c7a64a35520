using Marketplace.Features.Forum.Notifications;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Forum;

public sealed class NotificationInboxTests(AppFixture fixture) : ForumNotificationsTest(fixture)
{
    [Fact]
    public async Task A_notification_and_the_unread_count_are_pushed_live_to_the_member_only()
    {
        var author = await MemberAsync("Ann Author");
        var bea = await MemberAsync("Bea Reader");
        var bystander = await MemberAsync("Bo Bystander");
        var started = await StartAndWaitAsync(author, await CategoryAsync(), "Opening post.");
        await using var beaTab = await HubClient.ConnectAsync(Host, bea.Token);
        await using var beaOtherTab = await HubClient.ConnectAsync(Host, bea.Token);
        await using var bystanderTab = await HubClient.ConnectAsync(Host, bystander.Token);
        await using var visitor = await HubClient.ConnectAsync(Host);

        var reply = await ReplyAndWaitAsync(author, started.ThreadId, "Ping @BeaReader.");

        await HubClient.EventuallyAsync(() => !beaTab.UnreadCounts.IsEmpty && !beaOtherTab.UnreadCounts.IsEmpty);
        var pushed = beaTab.Notifications.ShouldHaveSingleItem();
        pushed.PostId.ShouldBe(reply.PostId);
        pushed.Kind.ShouldBe(NotificationKinds.Mention);
        pushed.Actor.DisplayName.ShouldBe("Ann Author");
        beaTab.UnreadCounts.Last().ShouldBe(1);
        beaOtherTab.Notifications.ShouldHaveSingleItem();
        // The reply's pushes have all been written (its messages were handled); a round trip reads what was written before it.
        await bystanderTab.RoundTripAsync();
        await visitor.RoundTripAsync();
        bystanderTab.Notifications.ShouldBeEmpty();
        bystanderTab.UnreadCounts.ShouldBeEmpty();
        visitor.Notifications.ShouldBeEmpty();
    }

    [Fact]
    public async Task Marking_read_by_id_or_all_changes_only_the_callers_own_notifications_and_pushes_the_new_count()
    {
        var author = await MemberAsync("Ann Author");
        var bea = await MemberAsync("Bea Reader");
        var cy = await MemberAsync("Cy Reader");
        var started = await StartAndWaitAsync(author, await CategoryAsync(), "Hello @BeaReader and @CyReader.");
        await ReplyAndWaitAsync(author, started.ThreadId, "Again @BeaReader and @CyReader.");
        var beas = (await NotificationsOfAsync(bea)).Items;
        var cys = (await NotificationsOfAsync(cy)).Items;
        await using var beaTab = await HubClient.ConnectAsync(Host, bea.Token);

        await AsUserAsync(bea.Token, s =>
        {
            s.Post.Json(new { ids = new[] { beas[0].Id, cys[0].Id, cys[1].Id, "no-such-id" } }).ToUrl("/api/forum/notifications/read");
            s.StatusCodeShouldBe(204);
        });

        (await NotificationsOfAsync(bea, unread: true)).Items.Select(n => n.Id).ShouldBe([beas[1].Id]);
        (await NotificationsOfAsync(cy)).UnreadCount.ShouldBe(2);
        await HubClient.EventuallyAsync(() => beaTab.UnreadCounts.Contains(1));
        beaTab.UnreadCounts.ShouldContain(1);

        await AsUserAsync(bea.Token, s =>
        {
            s.Post.Json(new { }).ToUrl("/api/forum/notifications/read");
            s.StatusCodeShouldBe(204);
        });
        var read = await NotificationsOfAsync(bea);
        read.UnreadCount.ShouldBe(0);
        read.Items.ShouldAllBe(n => n.ReadAt != null);
        (await NotificationsOfAsync(cy)).UnreadCount.ShouldBe(2);
    }

    [Fact]
    public async Task Marking_read_with_bad_ids_is_a_400_listing_them_and_changes_nothing()
    {
        var author = await MemberAsync("Ann Author");
        var bea = await MemberAsync("Bea Reader");
        await StartAndWaitAsync(author, await CategoryAsync(), "Hello @BeaReader.");

        var refused = await AsUserAsync(bea.Token, s =>
        {
            s.Post.Json(new { ids = new[] { "", new string('x', 101) } }).ToUrl("/api/forum/notifications/read");
            s.StatusCodeShouldBe(400);
        });

        var errors = refused.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors");
        errors.TryGetProperty("ids[0]", out _).ShouldBeTrue();
        errors.TryGetProperty("ids[1]", out _).ShouldBeTrue();
        (await NotificationsOfAsync(bea)).UnreadCount.ShouldBe(1);
    }

    [Fact]
    public async Task Opening_the_thread_page_marks_its_notifications_read()
    {
        var author = await MemberAsync("Ann Author");
        var bea = await MemberAsync("Bea Reader");
        var started = await StartAndWaitAsync(author, await CategoryAsync(), "Hello @BeaReader.");

        await AsUserAsync(bea.Token, s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url($"/forum/threads/{started.ThreadId}");
        });

        (await NotificationsOfAsync(bea)).UnreadCount.ShouldBe(0);
    }

    [Fact]
    public async Task Notifications_need_a_signed_in_member()
    {
        await SendAsync(s =>
        {
            s.Get.Url("/api/forum/notifications");
            s.StatusCodeShouldBe(401);
        });
    }
}
