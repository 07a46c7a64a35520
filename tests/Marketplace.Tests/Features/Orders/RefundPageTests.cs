namespace Marketplace.Tests.Features.Orders;

/// <summary>The refund form page of an order (<c>/orders/{id}/refund</c>): its sellers and admins, their own lines only.</summary>
public sealed class RefundPageTests(AppFixture fixture) : RefundsTest(fixture)
{
    [Fact]
    public async Task A_seller_sees_only_their_lines_on_the_refund_page_and_refunds_one_with_the_form()
    {
        var paid = await PaidTwoShopOrderAsync();
        var cookie = await SignInCookieAsync(paid.Glyphs.Owner.Email);
        var page = await SendAsync(s => { s.Get.Url($"/orders/{paid.Order.Id}/refund"); s.WithRequestHeader("Cookie", cookie); });
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("Icons");
        html.ShouldNotContain("Textures");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var formCookie = $"{cookie}; {page.Context.Response.Headers.SetCookie.ToString().Split(';')[0]}";

        var posted = await SendAsync(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Selected"] = paid.LineOf(paid.Icons).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Reason"] = "The buyer wrote to us.",
            }).ToUrl($"/orders/{paid.Order.Id}/refund");
            s.WithRequestHeader("Cookie", formCookie);
            s.StatusCodeShouldBe(302);
        });

        posted.Context.Response.Headers.Location.ToString().ShouldEndWith($"/orders/{paid.Order.Id}/refund");
        (await MoneyMovedAsync(paid.Order.Id)).Refunds.Single().Lines.Single().Line.ShouldBe(paid.LineOf(paid.Icons));
    }

    [Fact]
    public async Task The_buyer_and_a_moderator_get_a_404_from_the_refund_page_and_anonymous_callers_the_sign_in_page()
    {
        var paid = await PaidTwoShopOrderAsync();
        var moderator = await MemberAsync("moderator", Marketplace.Features.Accounts.Roles.Moderator);

        (await PageStatusAsync(await SignInCookieAsync(paid.Buyer.Email), $"/orders/{paid.Order.Id}/refund")).ShouldBe(404);
        (await PageStatusAsync(await SignInCookieAsync(moderator.Email), $"/orders/{paid.Order.Id}/refund")).ShouldBe(404);
        (await PageStatusAsync(null, $"/orders/{paid.Order.Id}/refund")).ShouldBe(302);
        (await PageStatusAsync(await SignInCookieAsync(paid.Paper.Owner.Email), $"/orders/{paid.Order.Id}/refund")).ShouldBe(200);
    }
}
