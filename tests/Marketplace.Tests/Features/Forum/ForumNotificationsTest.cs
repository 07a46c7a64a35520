using Alba;
using Marketplace.Features.Forum;
using Marketplace.Features.Forum.Notifications;
using Marketplace.Features.Moderation.Trust;
using Marten;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Forum;

/// <summary>What watching and notification tests share: members with names of their own, and posts whose effects are awaited.</summary>
public abstract class ForumNotificationsTest(AppFixture fixture) : ForumTest(fixture)
{
    protected sealed record Member(Guid Id, string Email, string Token, string DisplayName);

    /// <summary>A member of a month's standing with this display name and the handle it suggests ("Bea Reader" is @BeaReader), signed in.</summary>
    protected async Task<Member> MemberAsync(string displayName, params string[] roles)
    {
        var email = NewEmail(string.Concat(displayName.Where(char.IsAsciiLetter)).ToLowerInvariant());
        var id = await CreateNamedAccountAsync(email, displayName, roles);
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(id.ToString()))!;
            user.CreatedAt = DateTimeOffset.UtcNow.AddDays(-30);
            return await users.UpdateAsync(user);
        });
        await TrustAsync(id, TrustLevels.Basic); // a member of a month's standing, as MemberTokenAsync makes them
        return new Member(id, email, (await LoginAsync(email)).AccessToken, displayName);
    }

    /// <summary>Starts a thread and waits until every message it caused (notifications included) has been handled.</summary>
    protected async Task<Threads.Started> StartAndWaitAsync(Member author, Guid categoryId, string body = "How do I export my fonts?")
    {
        Threads.Started? started = null;
        await Host.ExecuteAndWaitAsync(async () => started = await StartThreadAsync(author.Token, categoryId, body), 30_000);
        return started!;
    }

    protected Task<Posts.Created> ReplyAndWaitAsync(Member author, Guid threadId, string body) => ReplyAndWaitAsync(author.Token, threadId, body);

    protected Task<IScenarioResult> WatchThreadAsync(Member member, Guid threadId, string level, int status = 200) =>
        AsUserAsync(member.Token, s =>
        {
            s.Put.Json(new { level }).ToUrl($"/api/forum/threads/{threadId}/watch");
            s.StatusCodeShouldBe(status);
        });

    protected Task<IScenarioResult> WatchCategoryAsync(Member member, Guid categoryId, string level, int status = 200) =>
        AsUserAsync(member.Token, s =>
        {
            s.Put.Json(new { level }).ToUrl($"/api/forum/categories/{categoryId}/watch");
            s.StatusCodeShouldBe(status);
        });

    protected async Task<ListNotifications.Response> NotificationsOfAsync(Member member, bool unread = false) =>
        (await AsUserAsync(member.Token, s => s.Get.Url($"/api/forum/notifications{(unread ? "?unread=true" : "")}"))).ReadAsJson<ListNotifications.Response>()!;

    /// <summary>Every notification stored for the member, whatever its state.</summary>
    protected Task<IReadOnlyList<ForumNotification>> StoredNotificationsAsync(Member member) =>
        QueryAsync(session => session.Query<ForumNotification>().Where(n => n.MemberId == member.Id).ToListAsync());
}
