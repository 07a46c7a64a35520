using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Tests.Features.Orders;

/// <summary>The admin pages that change fees: <c>/admin/fees</c> (the default) and <c>/admin/shops</c> (a shop's own).</summary>
public sealed partial class FeesPageTests(AppFixture fixture) : PlatformFeeTest(fixture)
{
    [Fact]
    public async Task An_admin_saves_the_default_fee_from_the_page_and_a_form_read_before_another_admins_change_is_refused()
    {
        var admin = await AdminAsync();
        var form = await FormAsync(admin, "/admin/fees");
        form.Html.ShouldContain("value=\"1000\"");

        (await PostAsync(form, "/admin/fees", new() { ["Fee.BasisPoints"] = "800", ["Fee.Fixed"] = "25", ["Fee.Version"] = "0" })).StatusCode.ShouldBe(302);
        (await FeesAsync(admin)).BasisPoints.ShouldBe(800);

        var stale = await PostAsync(form, "/admin/fees", new() { ["Fee.BasisPoints"] = "600", ["Fee.Fixed"] = "25", ["Fee.Version"] = "0" });
        stale.StatusCode.ShouldBe(200);
        stale.Html.ShouldContain("Another admin changed the fee");
        stale.Html.ShouldContain("value=\"800\"");
        (await FeesAsync(admin)).BasisPoints.ShouldBe(800);

        var bad = await PostAsync(form, "/admin/fees", new() { ["Fee.BasisPoints"] = "9000", ["Fee.Fixed"] = "25", ["Fee.Version"] = "1" });
        bad.StatusCode.ShouldBe(200);
        bad.Html.ShouldContain("aria-invalid=\"true\"");
        (await FeesAsync(admin)).BasisPoints.ShouldBe(800);
    }

    [Fact]
    public async Task An_admin_gives_a_shop_its_own_fee_on_the_shops_page_which_shows_its_payouts_state_and_then_removes_it()
    {
        var seller = await SellerReadyToSellAsync();
        var admin = await AdminAsync();
        var form = await FormAsync(admin, "/admin/shops");
        form.Html.ShouldContain("charges enabled, payouts enabled");
        form.Html.ShouldContain("10.00% + 30 (minor units) (default)");

        var set = await PostAsync(form, $"/admin/shops?handler=Fee&shopId={seller.Shop.Id}", new() { ["basisPoints"] = "250", ["fixed"] = "5", ["version"] = "0" });
        set.StatusCode.ShouldBe(302);
        (await FeesAsync(admin)).Shops.ShouldHaveSingleItem().BasisPoints.ShouldBe(250);
        (await PostAsync(form, $"/admin/shops?handler=Fee&shopId={seller.Shop.Id}", new() { ["basisPoints"] = "-1", ["fixed"] = "5", ["version"] = "1" })).StatusCode.ShouldBe(302);
        (await FeesAsync(admin)).Shops.ShouldHaveSingleItem().BasisPoints.ShouldBe(250);
        (await FormAsync(admin, "/admin/shops")).Html.ShouldContain("2.50% + 5 (minor units) (its own)");

        (await PostAsync(form, $"/admin/shops?handler=ClearFee&shopId={seller.Shop.Id}", [])).StatusCode.ShouldBe(302);
        (await FeesAsync(admin)).Shops.ShouldBeEmpty();
    }

    private sealed record PageForm(string Html, string Token, string Cookie);

    private sealed record Posted(int StatusCode, string Html);

    private async Task<PageForm> FormAsync(Member admin, string url)
    {
        var cookie = await SignInCookieAsync(admin.Email);
        var page = await SendAsync(s => { s.Get.Url(url); s.WithRequestHeader("Cookie", cookie); });
        var html = await page.ReadAsTextAsync();
        return new PageForm(WebUtility.HtmlDecode(html), RequestToken().Match(html).Groups["token"].Value, $"{cookie}; {page.Context.Response.Headers.SetCookie.ToString().Split(';')[0]}");
    }

    private async Task<Posted> PostAsync(PageForm form, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = form.Token;
        var (path, query) = url.Split('?') is [var before, var after] ? (before, after) : (url, "");
        var result = await SendAsync(s =>
        {
            var send = s.Post.FormData(fields).ToUrl(path);
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')))
            {
                send.QueryString(pair[0], pair[1]);
            }

            s.WithRequestHeader("Cookie", form.Cookie);
            s.IgnoreStatusCode();
        });
        return new Posted(result.Context.Response.StatusCode, WebUtility.HtmlDecode(await result.ReadAsTextAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex RequestToken();
}
