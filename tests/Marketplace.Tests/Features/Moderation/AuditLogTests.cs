using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Tests.Features.Shops;

namespace Marketplace.Tests.Features.Moderation;

public sealed class AuditLogTests(AppFixture fixture) : ShopsTest(fixture)
{
    private static AuditEntry Entry(string action, Guid actor, string target, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), At = at, ActorId = actor, ActorName = "Mo", Action = action, TargetKind = action.Split('.')[0],
        TargetId = target, Reason = "Because.", Before = new() { ["hidden"] = "false" }, After = new() { ["hidden"] = "true" },
    };

    private async Task<JsonElement> AuditAsync(string admin, string query) =>
        (await AsUserAsync(admin, s => s.Get.Url($"/api/admin/audit?{query}"))).ReadAsJson<JsonElement>();

    private static string[] Actions(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()!)];

    [Fact]
    public async Task The_audit_log_lists_newest_first_and_filters_by_action_actor_target_and_period()
    {
        var admin = (await MemberAsync("admin", Roles.Admin)).Token;
        var (mo, ann) = (Guid.NewGuid(), Guid.NewGuid());
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        await StoreAsync(Entry("post.hide", mo, "p1", start), Entry("member.suspend", ann, "m1", start.AddHours(1)), Entry("post.restore", mo, "p1", start.AddHours(2)));

        Actions(await AuditAsync(admin, "")).ShouldBe(["post.restore", "member.suspend", "post.hide"]);
        Actions(await AuditAsync(admin, "action=post.hide")).ShouldBe(["post.hide"]);
        Actions(await AuditAsync(admin, $"actor={ann}")).ShouldBe(["member.suspend"]);
        Actions(await AuditAsync(admin, "targetKind=post&targetId=p1")).ShouldBe(["post.restore", "post.hide"]);
        Actions(await AuditAsync(admin, $"from={Uri.EscapeDataString(start.AddMinutes(30).ToString("O"))}&to={Uri.EscapeDataString(start.AddMinutes(90).ToString("O"))}"))
            .ShouldBe(["member.suspend"]);
        var page = await AuditAsync(admin, "pageSize=1&page=2");
        Actions(page).ShouldBe(["member.suspend"]);
        page.GetProperty("total").GetInt64().ShouldBe(3);
        var first = (await AuditAsync(admin, "action=post.hide")).GetProperty("items")[0];
        (first.GetProperty("before").GetProperty("hidden").GetString(), first.GetProperty("after").GetProperty("hidden").GetString()).ShouldBe(("false", "true"));
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log()
    {
        var member = (await MemberAsync("member")).Token;
        var seller = (await MemberAsync("seller", Roles.Seller)).Token;
        var moderator = (await MemberAsync("moderator", Roles.Moderator)).Token;
        var admin = (await MemberAsync("admin", Roles.Admin)).Token;

        foreach (var (token, status) in new (string?, int)[] { (null, 401), (member, 403), (seller, 403), (moderator, 403), (admin, 200) })
        {
            (await ApiStatusAsync(token, s => s.Get.Url("/api/admin/audit"))).ShouldBe(status);
        }
    }

    [Theory]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("from=yesterday")]
    [InlineData("actor=not-a-guid")]
    [InlineData("page=abc")]
    [InlineData("pageSize=99999999999999")]
    public async Task A_malformed_filter_is_a_400(string query)
    {
        var admin = (await MemberAsync("admin", Roles.Admin)).Token;

        (await ApiStatusAsync(admin, s => s.Get.Url($"/api/admin/audit?{query}"))).ShouldBe(400);
    }

    [Fact]
    public async Task A_filter_too_long_is_a_400_and_hostile_text_matches_nothing()
    {
        var admin = (await MemberAsync("admin", Roles.Admin)).Token;

        (await ApiStatusAsync(admin, s => s.Get.Url($"/api/admin/audit?action={new string('a', 101)}"))).ShouldBe(400);
        Actions(await AuditAsync(admin, "action=%27%20or%201%3D1--&targetId=%E2%80%AE")).ShouldBeEmpty();
        (await ApiStatusAsync(admin, s => s.Get.Url("/api/admin/audit?page=-5&pageSize=0"))).ShouldBe(200);
    }
}
