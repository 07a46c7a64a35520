using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Tests.Features.Shops;

namespace Marketplace.Tests.Features.Moderation;

public sealed class AuditPageTests(AppFixture fixture) : ShopsTest(fixture)
{
    private async Task<string> CookieOfAsync(string who, params string[] roles)
    {
        var member = await MemberAsync(who, roles);
        return await SignInCookieAsync(member.Email);
    }

    [Fact]
    public async Task Only_admins_open_the_audit_log_page_others_are_sent_to_sign_in_or_told_no()
    {
        (await WhereAsync(null)).ShouldStartWith("/account/login");
        foreach (var cookie in new[] { await CookieOfAsync("member"), await CookieOfAsync("seller", Roles.Seller), await CookieOfAsync("moderator", Roles.Moderator) })
        {
            (await WhereAsync(cookie)).ShouldStartWith("/Error/403");
        }

        (await PageStatusAsync(await CookieOfAsync("admin", Roles.Admin), "/admin/audit")).ShouldBe(200);
    }

    private async Task<string> WhereAsync(string? cookie)
    {
        var result = await SendAsync(s =>
        {
            s.Get.Url("/admin/audit");
            if (cookie is not null)
            {
                s.WithRequestHeader("Cookie", cookie);
            }

            s.StatusCodeShouldBe(302);
        });
        return new Uri(new Uri("http://localhost"), result.Context.Response.Headers.Location.ToString()).PathAndQuery;
    }

    [Fact]
    public async Task The_page_lists_actions_with_their_reason_and_change_and_filters_them()
    {
        var admin = await CookieOfAsync("admin", Roles.Admin);
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        await StoreAsync(
            new AuditEntry { Id = Guid.CreateVersion7(at), At = at, ActorName = "Mo", Action = "post.hide", TargetKind = "post", TargetId = "p-1", Reason = "Spam link.",
                Before = new() { ["hidden"] = "false" }, After = new() { ["hidden"] = "true" } },
            new AuditEntry { Id = Guid.CreateVersion7(at.AddMinutes(1)), At = at.AddMinutes(1), ActorName = "Ada", Action = "shop.suspend", TargetKind = "shop",
                TargetId = "s-1", Reason = "Chargebacks." });

        var all = await PageAsync(admin, "/admin/audit");
        all.ShouldContain("Spam link.");
        all.ShouldContain("hidden: false → hidden: true");
        all.ShouldContain("Chargebacks.");
        var filtered = await PageAsync(admin, "/admin/audit?action=shop.suspend");
        filtered.ShouldContain("Chargebacks.");
        filtered.ShouldNotContain("Spam link.");
        (await PageAsync(admin, "/admin/audit?target=p-1")).ShouldNotContain("Chargebacks.");
    }

    [Theory]
    [InlineData("/admin/audit?from=2026-02-01&to=2026-01-01", 400)]
    [InlineData("/admin/audit?target=%00", 400)]
    [InlineData("/admin/audit?action=%27%3Bdrop", 200)]
    [InlineData("/admin/audit?p=-3&from=yesterday", 200)]
    public async Task Hostile_filters_are_refused_or_ignored_never_an_error(string url, int status)
    {
        var admin = await CookieOfAsync("admin", Roles.Admin);
        (await PageStatusAsync(admin, url)).ShouldBe(status);
        (await PageStatusAsync(admin, $"/admin/audit?target={new string('x', 101)}")).ShouldBe(400);
    }

    private async Task<string> PageAsync(string cookie, string url) => await (await SendAsync(s =>
    {
        s.Get.Url(url);
        s.WithRequestHeader("Cookie", cookie);
        s.WithRequestHeader("Accept", "text/html");
    })).ReadAsTextAsync();
}
