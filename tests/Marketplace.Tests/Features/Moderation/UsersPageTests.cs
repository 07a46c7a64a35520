using System.Text.RegularExpressions;
using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

/// <summary>The admin users page: statuses, and suspensions through the API's own use case.</summary>
public sealed partial class UsersPageTests(AppFixture fixture) : MemberSuspensionTest(fixture)
{
    private static string Tomorrow => DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");

    [Fact]
    public async Task An_admin_suspends_a_member_from_the_page_sees_the_status_and_lifts_it_each_audited()
    {
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var member = await MemberAsync("member");

        var suspended = await PostAsync(admin, "Suspend", member.Id, new() { ["until"] = Tomorrow, ["reason"] = "Spam in three threads." });

        suspended.ShouldContain("Suspended until");
        var suspension = (await QueryAsync(q => q.LoadAsync<MemberSuspension>(member.Id)))!;
        (suspension.Until.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), suspension.Reason).ShouldBe(($"{Tomorrow} 00:00", "Spam in three threads."));
        var list = await PageAsync(admin, member.Email);
        list.ShouldContain("Spam in three threads.");
        list.ShouldContain(">Unsuspend<");

        (await PostAsync(admin, "Unsuspend", member.Id, [])).ShouldContain("The suspension is lifted.");
        (await QueryAsync(q => q.LoadAsync<MemberSuspension>(member.Id))).ShouldBeNull();
        (await QueryAsync(q => q.Query<AuditEntry>().OrderBy(e => e.At).Select(e => e.Action).ToListAsync())).ShouldBe(["member.suspend", "member.unsuspend"]);
    }

    public static TheoryData<string, string, string> BadForms => new()
    {
        { "", "Spam.", "Choose a time in the future" },
        { "2000-01-01", "Spam.", "Choose a time in the future" },
        { "2999-01-01", "Spam.", "Choose a time in the future" },
        { "not a date", "Spam.", "Choose a time in the future" },
        { "2999-01-01", " ", "Say why" },
        { "2999-01-01", new string('x', 501), "500" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_suspension_form_without_a_future_day_or_a_reason_changes_nothing_and_says_why(string until, string reason, string message)
    {
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var member = await MemberAsync("member");
        var fields = new Dictionary<string, string> { ["until"] = until, ["reason"] = reason };
        if (until == "2999-01-01" && reason != "Spam.")
        {
            fields["until"] = Tomorrow; // only the reason is wrong
        }

        (await PostAsync(admin, "Suspend", member.Id, fields)).ShouldContain(message);

        (await QueryAsync(q => q.Query<MemberSuspension>().CountAsync())).ShouldBe(0);
        (await QueryAsync(q => q.Query<AuditEntry>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_admin_cannot_suspend_themselves_or_another_admin_from_the_page()
    {
        var adminEmail = NewEmail("admin");
        var adminId = await CreateAccountAsync(adminEmail, Roles.Admin);
        var admin = (await LoginAsync(adminEmail)).AccessToken;
        var other = await CreateAccountAsync(NewEmail("other-admin"), Roles.Admin);

        (await PostAsync(admin, "Suspend", adminId, new() { ["until"] = Tomorrow, ["reason"] = "Testing." })).ShouldContain("Nothing was changed. You cannot suspend yourself.");
        (await PostAsync(admin, "Suspend", other, new() { ["until"] = Tomorrow, ["reason"] = "Testing." })).ShouldContain("Nothing was changed. Admins cannot be suspended.");

        (await QueryAsync(q => q.Query<MemberSuspension>().CountAsync())).ShouldBe(0);
        (await PageAsync(admin, adminEmail)).ShouldNotContain("Suspend Test Person");
    }

    private async Task<string> PageAsync(string token, string q) =>
        await (await AsUserAsync(token, s => s.Get.Url($"/admin/users?q={Uri.EscapeDataString(q)}"))).ReadAsTextAsync();

    /// <summary>Posts the page's form as a browser would, follows the redirect, and returns the page it lands on (with its flash).</summary>
    private async Task<string> PostAsync(string token, string handler, Guid userId, Dictionary<string, string> fields)
    {
        var form = await AsUserAsync(token, s => { s.WithRequestHeader("Accept", "text/html"); s.Get.Url("/admin/users"); });
        var cookies = form.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]).ToList();
        fields["__RequestVerificationToken"] = RequestToken().Match(await form.ReadAsTextAsync()).Groups["token"].Value;
        var posted = await AsUserAsync(token, s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.WithRequestHeader("Cookie", string.Join("; ", cookies));
            s.Post.FormData(fields).ToUrl("/admin/users").QueryString("handler", handler).QueryString("userId", $"{userId}");
            s.StatusCodeShouldBe(302);
        });
        cookies.AddRange(posted.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0])); // the flash's TempData cookie
        var landed = await AsUserAsync(token, s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.WithRequestHeader("Cookie", string.Join("; ", cookies));
            s.Get.Url(posted.Context.Response.Headers.Location.ToString());
        });
        return System.Net.WebUtility.HtmlDecode(await landed.ReadAsTextAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex RequestToken();
}
