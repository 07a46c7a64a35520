using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Features.Moderation.Trust;
using Marketplace.Infrastructure.Web;
using Marketplace.Tests.Features.Forum;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

public sealed class TrustLevelInputTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task Setting_a_level_takes_a_level_from_0_to_3_and_a_reason_and_a_refused_request_changes_nothing()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var memberId = await CreateAccountAsync(NewEmail("member"));
        var url = $"/api/moderation/users/{memberId}/trust";

        foreach (var body in new object[]
        {
            new { level = 4, reason = "Too high." }, new { level = -1, reason = "Too low." }, new { level = int.MaxValue, reason = "Huge." },
            new { level = 1, reason = "" }, new { level = 1, reason = "Null\0byte" }, new { level = 1, reason = "Bell\u0007" },
            new { level = 1, reason = new string('x', 501) }, new { level = 1 },
        })
        {
            (await AsUserAsync(moderator, s => { s.Post.Json(body).ToUrl(url); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400, ProblemTypes.Validation);
        }

        foreach (var text in new[] { "{\"level\":", "{\"level\":99999999999999999999,\"reason\":\"x\"}", "{\"level\":\"two\",\"reason\":\"x\"}", "[]" })
        {
            (await ApiStatusAsync(moderator, s => s.Post.Text(text).ContentType("application/json").ToUrl(url))).ShouldBe(400);
        }

        (await ApiStatusAsync(moderator, s => s.Post.Text("level=1&reason=x").ContentType("application/x-www-form-urlencoded").ToUrl(url))).ShouldBe(415);
        (await ApiStatusAsync(moderator, s => s.Post.Json(new { level = 1, reason = "Nobody." }).ToUrl($"/api/moderation/users/{Guid.NewGuid()}/trust"))).ShouldBe(404);
        (await ApiStatusAsync(moderator, s => s.Post.Json(new { level = 1, reason = "Me." }).ToUrl("/api/moderation/users/not-a-guid/trust"))).ShouldBe(404);
        (await QueryAsync(q => q.LoadAsync<MemberTrust>(memberId))).ShouldBeNull();
        (await QueryAsync(q => q.Query<AuditEntry>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Nobody_sets_their_own_level_and_members_cannot_set_levels()
    {
        var email = NewEmail("moderator");
        var moderatorId = await CreateAccountAsync(email, Roles.Moderator);
        var moderator = (await LoginAsync(email)).AccessToken;
        var memberId = await CreateAccountAsync(NewEmail("member"));
        var body = new { level = 3, reason = "Promote." };

        (await AsUserAsync(moderator, s => { s.Post.Json(body).ToUrl($"/api/moderation/users/{moderatorId}/trust"); s.StatusCodeShouldBe(403); }))
            .ShouldBeProblem(403, ProblemTypes.Forbidden);
        (await ApiStatusAsync(await MemberTokenAsync("member"), s => s.Post.Json(body).ToUrl($"/api/moderation/users/{memberId}/trust"))).ShouldBe(403);
        (await ApiStatusAsync(null, s => s.Post.Json(body).ToUrl($"/api/moderation/users/{memberId}/trust"))).ShouldBe(401);
        (await QueryAsync(q => q.Query<MemberTrust>().Where(t => t.Id == memberId || t.Id == moderatorId).CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_level_set_at_once_by_two_moderators_is_one_change_with_one_audit_entry()
    {
        var moderators = await Task.WhenAll(MemberTokenAsync("first", Roles.Moderator), MemberTokenAsync("second", Roles.Moderator));
        var memberId = await CreateAccountAsync(NewEmail("member"));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            ApiStatusAsync(moderators[i % 2], s => s.Post.Json(new { level = 2, reason = "Long-time customer." }).ToUrl($"/api/moderation/users/{memberId}/trust"))));

        statuses.ShouldAllBe(status => status == 200);
        (await QueryAsync(q => q.LoadAsync<MemberTrust>(memberId)))!.Level.ShouldBe(2);
        var entry = (await QueryAsync(q => q.Query<AuditEntry>().Where(e => e.Action == "member.trust").ToListAsync())).ShouldHaveSingleItem();
        (entry.Before["level"], entry.After["level"]).ShouldBe(("0", "2"));
    }
}
