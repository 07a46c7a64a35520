using System.Text.RegularExpressions;
using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Features.Shops;
using Marketplace.Tests.Features.Shops;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

public sealed partial class ShopsPageTests(AppFixture fixture) : ShopsTest(fixture)
{
    [Fact]
    public async Task Only_admins_open_the_shops_page()
    {
        (await PageStatusAsync(null, "/admin/shops")).ShouldBe(302);
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        var moderatorCookie = await SignInCookieAsync(moderator.Email);
        var moderatorPage = await SendAsync(s => { s.Get.Url("/admin/shops"); s.WithRequestHeader("Cookie", moderatorCookie); s.IgnoreStatusCode(); });
        new Uri(new Uri("http://localhost"), moderatorPage.Context.Response.Headers.Location.ToString()).AbsolutePath.ShouldBe("/Error/403");
        var admin = await MemberAsync("admin", Roles.Admin);
        (await PageStatusAsync(await SignInCookieAsync(admin.Email), "/admin/shops?p=-1")).ShouldBe(200);
    }

    [Fact]
    public async Task An_admin_suspends_a_shop_from_the_page_with_a_reason_and_an_empty_reason_changes_nothing()
    {
        var owner = await MemberAsync("seller");
        var shop = await OpenShopAsync(owner);
        var admin = await MemberAsync("admin", Roles.Admin);
        var cookie = await SignInCookieAsync(admin.Email);

        var page = await SendAsync(s => { s.Get.Url("/admin/shops"); s.WithRequestHeader("Cookie", cookie); });
        var html = await page.ReadAsTextAsync();
        html.ShouldContain(shop.Name);
        var form = (Token(html), $"{cookie}; {page.Context.Response.Headers.SetCookie.ToString().Split(';')[0]}");

        (await PostAsync(form, shop.Id, "Suspend", " ")).ShouldBe(302);
        (await QueryAsync(q => q.LoadAsync<Shop>(shop.Id)))!.Status.ShouldBe(ShopStatus.Active);

        (await PostAsync(form, shop.Id, "Suspend", "Selling fonts without licences.")).ShouldBe(302);
        var suspended = (await QueryAsync(q => q.LoadAsync<Shop>(shop.Id)))!;
        (suspended.Status, suspended.StatusReason).ShouldBe((ShopStatus.Suspended, "Selling fonts without licences."));
        (await QueryAsync(q => q.Query<AuditEntry>().Where(e => e.Action == "shop.suspend").CountAsync())).ShouldBe(1);
    }

    private async Task<int> PostAsync((string Token, string Cookie) form, Guid shopId, string handler, string reason) =>
        (await SendAsync(s =>
        {
            s.Post.FormData(new() { ["reason"] = reason, ["__RequestVerificationToken"] = form.Token }).ToUrl("/admin/shops")
                .QueryString("handler", handler).QueryString("shopId", $"{shopId}");
            s.WithRequestHeader("Cookie", form.Cookie);
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode;

    private static string Token(string html) => RequestToken().Match(html).Groups["token"].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex RequestToken();
}
