using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Accounts;

public sealed class LoginTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task Signing_in_returns_a_token_pair_that_opens_the_api()
    {
        var email = NewEmail("tok");
        await CreateAccountAsync(email);

        var tokens = await LoginAsync(email);

        tokens.TokenType.ShouldBe("Bearer");
        tokens.ExpiresIn.ShouldBe(900);
        tokens.RefreshToken.ShouldNotBeNullOrWhiteSpace();
        var me = await AsUserAsync(tokens.AccessToken, s => s.Get.Url("/api/me"));
        me.ReadAsJson<GetMe.Response>()!.Email.ShouldBe(email);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var email = NewEmail("known");
        await CreateAccountAsync(email);

        var wrongPassword = await SendAsync(s =>
        {
            s.Post.Json(new { email, password = "not the password" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
        var unknown = await SendAsync(s =>
        {
            s.Post.Json(new { email = NewEmail("ghost"), password = "not the password" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });

        var first = wrongPassword.ShouldBeProblem(401, ProblemTypes.InvalidCredentials);
        var second = unknown.ShouldBeProblem(401, ProblemTypes.InvalidCredentials);
        second.GetProperty("title").GetString().ShouldBe(first.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unconfirmed_account_is_only_told_to_confirm_when_the_password_is_right()
    {
        var email = NewEmail("unconfirmed");
        await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email, password = Password, displayName = "Uma" }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(201);
        });

        await SendAsync(s =>
        {
            s.Post.Json(new { email, password = "a wrong password" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
        var right = await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(403);
        });

        right.ShouldBeProblem(403, ProblemTypes.EmailNotConfirmed);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_mail_its_owner()
    {
        var email = NewEmail("locked");
        await CreateAccountAsync(email);

        for (var i = 0; i < 5; i++)
        {
            await SendAndWaitAsync(s =>
            {
                s.Post.Json(new { email, password = $"guess number {i}" }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBe(401);
            });
        }

        var locked = await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
        locked.ShouldBeProblem(401, ProblemTypes.InvalidCredentials);
        (await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.LockoutEnd)).ShouldNotBeNull();
        (await MailsToAsync(email)).ShouldContain(mail => mail.Subject.Contains("locked", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Attempts_on_one_account_are_throttled_whatever_address_they_come_from()
    {
        var email = NewEmail("throttled");
        for (var i = 0; i < 10; i++)
        {
            await Host.Scenario(s =>
            {
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = NewClientAddress());
                s.Post.Json(new { email, password = "whatever it is" }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBe(401);
            });
        }

        var throttled = await Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = NewClientAddress());
            s.Post.Json(new { email, password = "whatever it is" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(429);
        });

        throttled.ShouldBeProblem(429, ProblemTypes.TooManyRequests);
        throttled.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task One_address_is_limited_across_accounts_by_the_auth_policy()
    {
        for (var i = 0; i < 20; i++)
        {
            await SendAsync(s =>
            {
                s.Post.Json(new { email = NewEmail("spray"), password = "whatever it is" }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBe(401);
            });
        }

        var limited = await SendAsync(s =>
        {
            s.Post.Json(new { email = NewEmail("spray"), password = "whatever it is" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(429);
        });
        limited.ShouldBeProblem(429, ProblemTypes.TooManyRequests);
    }

    [Fact]
    public async Task Signing_in_with_cookies_sets_an_http_only_session_cookie_that_opens_the_api()
    {
        var email = NewEmail("cookie");
        await CreateAccountAsync(email);

        var result = await SendAsync(s => s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login").QueryString("useCookies", "true"));

        var cookie = result.Context.Response.Headers.SetCookie.ToString();
        cookie.ShouldContain(AccountCookies.Application + "=");
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        var session = cookie.Split(';')[0];
        var me = await SendAsync(s =>
        {
            s.Get.Url("/api/me");
            s.WithRequestHeader("Cookie", session);
        });
        me.ReadAsJson<GetMe.Response>()!.Email.ShouldBe(email);
    }
}
