using Alba;
using Marketplace.Features.Accounts;
using Marketplace.Tests.Features.Accounts;

namespace Marketplace.Tests.Security;

/// <summary>
/// A cookie-authenticated API call that changes something must come from the site's own pages: a header another
/// site cannot send, and no foreign Origin or Sec-Fetch-Site. Bearer-token calls and reads are not affected.
/// </summary>
public sealed class CrossSiteRequestTests(AppFixture fixture) : AccountsTest(fixture)
{
    private const string Evil = "https://evil.example";

    private async Task<(Guid Id, string Cookie)> CookieSessionAsync(params string[] roles)
    {
        var email = NewEmail("cookie");
        var id = await CreateAccountAsync(email, roles);
        var result = await SendAsync(s => s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login").QueryString("useCookies", "true"));
        return (id, result.Context.Response.Headers.SetCookie.ToString().Split(';')[0]);
    }

    private Task<IScenarioResult> GrantModeratorAsync(string cookie, Guid member, int status, params (string Name, string Value)[] headers) => SendAsync(s =>
    {
        s.Post.Url($"/api/admin/users/{member}/moderator");
        s.WithRequestHeader("Cookie", cookie);
        foreach (var (name, value) in headers)
        {
            s.WithRequestHeader(name, value);
        }

        s.StatusCodeShouldBe(status);
    });

    private async Task<bool> IsModeratorAsync(Guid member) =>
        await WithUsersAsync(async users => (await users.GetRolesAsync((await users.FindByIdAsync(member.ToString()))!)).Contains(Roles.Moderator));

    public static TheoryData<string, string> ForgedHeaders => new()
    {
        { "Origin", Evil },
        { "Origin", "null" },
        { "Origin", "http://localhost.evil.example" },
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
    };

    [Theory]
    [MemberData(nameof(ForgedHeaders))]
    public async Task A_cookie_call_from_another_site_is_refused_and_changes_nothing(string header, string value)
    {
        var (_, admin) = await CookieSessionAsync(Roles.Admin);
        var member = await CreateAccountAsync(NewEmail("member"));

        var result = await GrantModeratorAsync(admin, member, 403, (CrossSiteRequestCheck.Header, "XMLHttpRequest"), (header, value));

        Problem(result).GetProperty("type").GetString().ShouldBe("/problems/cross-site-request");
        (await IsModeratorAsync(member)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_cookie_call_without_the_header_a_page_script_sends_is_refused_as_a_form_post_from_elsewhere_would_be()
    {
        var (_, admin) = await CookieSessionAsync(Roles.Admin);
        var member = await CreateAccountAsync(NewEmail("member"));

        await GrantModeratorAsync(admin, member, 403);

        (await IsModeratorAsync(member)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_cookie_call_from_the_site_itself_goes_through()
    {
        var (_, admin) = await CookieSessionAsync(Roles.Admin);
        var member = await CreateAccountAsync(NewEmail("member"));

        await GrantModeratorAsync(admin, member, 204, (CrossSiteRequestCheck.Header, "XMLHttpRequest"), ("Origin", "http://localhost"), ("Sec-Fetch-Site", "same-origin"));

        (await IsModeratorAsync(member)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_bearer_token_call_carries_no_ambient_authority_and_is_not_checked()
    {
        var email = NewEmail("admin");
        await CreateAccountAsync(email, Roles.Admin);
        var token = (await LoginAsync(email)).AccessToken;
        var member = await CreateAccountAsync(NewEmail("member"));

        await AsUserAsync(token, s =>
        {
            s.Post.Url($"/api/admin/users/{member}/moderator");
            s.WithRequestHeader("Origin", Evil);
            s.StatusCodeShouldBe(204);
        });
    }

    [Fact]
    public async Task Reads_and_anonymous_calls_are_not_checked()
    {
        var (_, cookie) = await CookieSessionAsync();

        await SendAsync(s =>
        {
            s.Get.Url("/api/me");
            s.WithRequestHeader("Cookie", cookie);
            s.WithRequestHeader("Origin", Evil);
            s.StatusCodeShouldBe(200);
        });
        await SendAsync(s =>
        {
            s.Post.Json(new { email = NewEmail("nobody") }).ToUrl("/api/auth/forgot-password");
            s.WithRequestHeader("Origin", Evil);
            s.StatusCodeShouldBe(202);
        });
    }

    [Fact]
    public async Task Sign_out_everywhere_by_cookie_from_another_site_is_refused()
    {
        var (_, cookie) = await CookieSessionAsync();

        await SendAsync(s =>
        {
            s.Post.Url("/api/account/sign-out-everywhere");
            s.WithRequestHeader("Cookie", cookie);
            s.WithRequestHeader("Origin", Evil);
            s.StatusCodeShouldBe(403);
        });
        await SendAsync(s =>
        {
            s.Get.Url("/api/me");
            s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBe(200);
        });
    }
}
