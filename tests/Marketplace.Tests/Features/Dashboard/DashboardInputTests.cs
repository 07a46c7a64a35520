using Marketplace.Features.Accounts;

namespace Marketplace.Tests.Features.Dashboard;

public sealed class DashboardInputTests(AppFixture fixture) : DashboardTest(fixture)
{
    public static TheoryData<string, int> Clamped => new()
    {
        { "", 30 },
        { "?days=", 30 },
        { "?days=1", 1 },
        { "?days=0", 1 },
        { "?days=-5", 1 },
        { "?days=-99999999999999999999", 1 },
        { "?days=365", 365 },
        { "?days=366", 365 },
        { "?days=99999999999999999999999", 365 },
        { "?days=%2B7", 7 },
        { "?days=007", 7 },
    };

    [Theory]
    [MemberData(nameof(Clamped))]
    public async Task Days_are_clamped_to_one_to_365(string query, int days)
    {
        var admin = await MemberAsync("admin", Roles.Admin);

        var board = await DashboardAsync(admin.Token, query);

        board.GetProperty("days").GetInt32().ShouldBe(days);
        board.GetProperty("members").GetArrayLength().ShouldBe(days);
    }

    public static TheoryData<string> Unreadable => ["?days=abc", "?days=7.5", "?days=1e3", "?days=%00", "?days=7%00", "?days=%E2%80%AE7", "?days=7&days=8", "?days=%20"];

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task Days_that_are_not_a_whole_number_are_a_400_problem_naming_the_field(string query)
    {
        var admin = await MemberAsync("admin", Roles.Admin);

        var refused = await AsUserAsync(admin.Token, s => { s.Get.Url($"/api/admin/dashboard{query}"); s.StatusCodeShouldBe(400); });

        refused.ShouldBeProblem(400, "/problems/validation").GetProperty("errors").GetProperty("days").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_dashboard_page_shows_the_default_range_for_days_it_cannot_read()
    {
        var admin = await MemberAsync("admin", Roles.Admin);

        var page = await AsUserAsync(admin.Token, s => { s.Get.Url("/admin?days=a+week"); s.StatusCodeShouldBe(200); });

        (await page.ReadAsTextAsync()).ShouldContain("showing the last 30 days");
    }

    [Fact]
    public async Task Only_admins_read_the_dashboard()
    {
        var member = await MemberAsync("member");
        var moderator = await MemberAsync("moderator", Roles.Moderator);

        (await ApiStatusAsync(null, s => s.Get.Url("/api/admin/dashboard"))).ShouldBe(401);
        (await ApiStatusAsync(member.Token, s => s.Get.Url("/api/admin/dashboard"))).ShouldBe(403);
        (await ApiStatusAsync(moderator.Token, s => s.Get.Url("/api/admin/dashboard"))).ShouldBe(403);
    }
}
