using Marketplace.Features.Accounts;
using Marketplace.Tests.Features.Orders;

namespace Marketplace.Tests.Features.Downloads.Forensics;

/// <summary>The trace tool's page: moderators and sellers only, an accessible upload form, and the menu entry for staff.</summary>
public sealed class TracePageTests(AppFixture fixture) : RefundsTest(fixture)
{
    public enum Caller
    {
        Anonymous,
        Buyer,
        Seller,
        Moderator,
        Admin,
    }

    [Theory]
    [InlineData(Caller.Anonymous, 302, "/account/login")]
    [InlineData(Caller.Buyer, 302, "/Error/403")]
    [InlineData(Caller.Seller, 200, null)]
    [InlineData(Caller.Moderator, 200, null)]
    [InlineData(Caller.Admin, 200, null)]
    public async Task Each_caller_gets_the_page_or_the_way_their_role_allows(Caller caller, int status, string? redirectedTo)
    {
        var cookie = await CookieOfAsync(caller);

        var page = await PageAsync(cookie);

        page.Context.Response.StatusCode.ShouldBe(status);
        if (redirectedTo is not null)
        {
            new Uri(page.Context.Response.Headers.Location.ToString()).AbsolutePath.ShouldBe(redirectedTo);
        }
    }

    [Fact]
    public async Task A_moderator_gets_a_labelled_upload_form_and_the_page_in_the_menu()
    {
        var html = (await PageAsync(await CookieOfAsync(Caller.Moderator))).ReadAsText();

        html.ShouldContain("<label for=\"trace-file\">");
        html.ShouldContain("id=\"trace-file\" name=\"file\"");
        html.ShouldContain("action=\"/api/forensics/trace\"");
        html.ShouldContain("role=\"status\" aria-live=\"polite\"");
        html.ShouldContain("As a moderator you see the buyer too.");
        html.ShouldContain("href=\"/moderation/trace\"");
    }

    [Fact]
    public async Task An_admin_finds_the_page_in_the_menu_too()
    {
        var html = (await PageAsync(await CookieOfAsync(Caller.Admin))).ReadAsText();

        html.ShouldContain("href=\"/moderation/trace\"");
    }

    [Fact]
    public async Task A_seller_is_told_only_their_own_products_are_traced_and_has_no_staff_menu_entry()
    {
        var html = (await PageAsync(await CookieOfAsync(Caller.Seller))).ReadAsText();

        html.ShouldContain("Only copies of your own shop's products are traced");
        html.ShouldNotContain("Trace a leak</a>");
    }

    private async Task<string?> CookieOfAsync(Caller caller)
    {
        var email = caller switch
        {
            Caller.Anonymous => null,
            Caller.Buyer => (await BuyerAsync()).Email,
            Caller.Seller => (await SellerReadyToSellAsync()).Owner.Email,
            Caller.Moderator => (await MemberAsync("moderator", Roles.Moderator)).Email,
            _ => (await MemberAsync("admin", Roles.Admin)).Email,
        };
        return email is null ? null : await SignInCookieAsync(email);
    }

    private Task<Alba.IScenarioResult> PageAsync(string? cookie) => SendAsync(s =>
    {
        s.Get.Url("/moderation/trace");
        if (cookie is not null)
        {
            s.WithRequestHeader("Cookie", cookie);
        }

        s.IgnoreStatusCode();
    });
}
