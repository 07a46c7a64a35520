using Marketplace.Features.Forum.Notifications;
using Marten;

namespace Marketplace.Tests.Features.Forum;

/// <summary>Digest mail, with digests going out two seconds after the first notification.</summary>
public sealed class DigestTests(AppFixture fixture) : ForumNotificationsTest(fixture)
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Set<NotificationOptions, TimeSpan>(o => o.DigestDelay, Delay);
    }

    [Fact]
    public async Task Several_replies_within_the_delay_are_mailed_in_exactly_one_digest_linking_each_post()
    {
        var author = await MemberAsync("Wanda Watcher");
        var replier = await MemberAsync("Rae Replier");
        var started = await StartAndWaitAsync(author, await CategoryAsync());
        var replies = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            replies.Add((await ReplyAndWaitAsync(replier, started.ThreadId, $"Answer number {i}.")).PostId);
        }

        var mail = (await Eventually.ValueAsync(() => MailsToAsync(author.Email), mails => mails.Count > 0, seconds: 40)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("3 new notifications in the Marketplace forum");
        for (var seq = 2; seq <= 4; seq++)
        {
            mail.Links.ShouldContain(link => link.EndsWith($"/forum/threads/{started.ThreadId}#post-{seq}", StringComparison.Ordinal));
            mail.Text.ShouldContain($"Answer number {seq - 1}.");
        }

        mail.Links.ShouldContain(link => link.EndsWith("/forum/notifications", StringComparison.Ordinal));
        (await StoredNotificationsAsync(author)).ShouldAllBe(n => n.EmailedAt != null);
        await MessagesSettledAsync(); // every digest ever scheduled has run: a second one would be mailed by now
        (await MailsToAsync(author.Email)).Count.ShouldBe(1);
        (await QueryAsync(session => session.Query<PendingDigest>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Notifications_read_before_the_digest_is_due_are_not_mailed()
    {
        var author = await MemberAsync("Wanda Watcher");
        var replier = await MemberAsync("Rae Replier");
        var started = await StartAndWaitAsync(author, await CategoryAsync());
        await ReplyAndWaitAsync(replier, started.ThreadId, "Read me quickly.");

        await AsUserAsync(author.Token, s =>
        {
            s.Post.Json(new { }).ToUrl("/api/forum/notifications/read");
            s.StatusCodeShouldBe(204);
        });

        await Eventually.ValueAsync(() => QueryAsync(session => session.Query<PendingDigest>().CountAsync()), pending => pending == 0, seconds: 40);
        await MessagesSettledAsync(); // the digest that was due has run
        (await MailsToAsync(author.Email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_who_turned_digests_off_gets_no_mail_and_a_new_notification_after_a_digest_schedules_the_next()
    {
        var quiet = await MemberAsync("Quiet Watcher");
        var keen = await MemberAsync("Keen Watcher");
        var replier = await MemberAsync("Rae Replier");
        var category = await CategoryAsync();
        await WatchCategoryAsync(quiet, category, "watching");
        await WatchCategoryAsync(keen, category, "watching");
        (await AsUserAsync(quiet.Token, s =>
        {
            s.Put.Json(new { emailDigest = false }).ToUrl("/api/forum/notifications/settings");
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<GetNotificationSettings.Response>()!.EmailDigest.ShouldBeFalse();
        var started = await StartAndWaitAsync(replier, category, "A first post for the watchers.");

        await Eventually.ValueAsync(() => MailsToAsync(keen.Email), mails => mails.Count == 1, seconds: 40);
        await ReplyAndWaitAsync(replier, started.ThreadId, "A second post, after the first digest.");
        var mails = await Eventually.ValueAsync(() => MailsToAsync(keen.Email), mails => mails.Count == 2, seconds: 40);

        mails.Select(m => m.Subject).ShouldAllBe(subject => subject.StartsWith("Rae Replier replied in", StringComparison.Ordinal));
        (await MailsToAsync(quiet.Email)).ShouldBeEmpty();
        (await NotificationsOfAsync(quiet)).UnreadCount.ShouldBe(2);
    }

    [Fact]
    public async Task Digest_settings_need_a_yes_or_no()
    {
        var member = await MemberAsync("Mem Ber");

        var refused = await AsUserAsync(member.Token, s =>
        {
            s.Put.Json(new { }).ToUrl("/api/forum/notifications/settings");
            s.StatusCodeShouldBe(400);
        });

        refused.ShouldBeProblem(400, Marketplace.Infrastructure.Web.ProblemTypes.Validation).GetProperty("errors").TryGetProperty("emailDigest", out _).ShouldBeTrue();
        (await AsUserAsync(member.Token, s => s.Get.Url("/api/forum/notifications/settings"))).ReadAsJson<GetNotificationSettings.Response>()!.EmailDigest.ShouldBeTrue();
    }
}
