using Alba;
using Marketplace.Tests.Features.Forum;

namespace Marketplace.Tests.Features.Moderation;

/// <summary>What the suspension tests share: members, and suspending them through the API.</summary>
public abstract class MemberSuspensionTest(AppFixture fixture) : ForumTest(fixture)
{
    protected static object Suspension(string reason = "Spam in three threads.", int days = 7) =>
        new { until = DateTimeOffset.UtcNow.AddDays(days), reason };

    protected async Task<(Guid Id, string Email, string Token)> MemberAsync(string who = "member")
    {
        var email = NewEmail(who);
        var id = await CreateAccountAsync(email);
        return (id, email, (await LoginAsync(email)).AccessToken);
    }

    protected Task<IScenarioResult> SuspendAsync(string moderator, Guid memberId, object? body = null, int status = 200) =>
        AsUserAsync(moderator, s =>
        {
            s.Post.Json(body ?? Suspension()).ToUrl($"/api/moderation/users/{memberId}/suspend");
            s.StatusCodeShouldBe(status);
        });
}
