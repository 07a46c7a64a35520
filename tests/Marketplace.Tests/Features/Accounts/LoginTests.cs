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

    private Task<Alba.IScenarioResult> LoginFromAsync(System.Net.IPAddress address, string email, string password, int status) => Host.Scenario(s =>
    {
        s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = address);
        s.Post.Json(new { email, password }).ToUrl("/api/auth/login");
        s.StatusCodeShouldBe(status);
    });

    [Fact]
    public async Task Wrong_passwords_from_many_addresses_lock_the_account_but_cannot_keep_its_owner_out()
    {
        var email = NewEmail("besieged");
        await CreateAccountAsync(email);

        for (var i = 0; i < 10; i++)
        {
            await LoginFromAsync(NewClientAddress(), email, $"guess number {i}", 401);
        }

        (await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.LockoutEnd)).ShouldNotBeNull();
        await LoginFromAsync(ClientAddress, email, Password, 200);
        (await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!)).ShouldSatisfyAllConditions(
            user => user.LockoutEnd.ShouldBeNull(), user => user.AccessFailedCount.ShouldBe(0));
    }

    [Fact]
    public async Task While_an_account_is_locked_a_new_address_gets_one_try_and_an_address_that_failed_gets_none()
    {
        var email = NewEmail("locked-out");
        await CreateAccountAsync(email);
        var attacker = NewClientAddress();
        for (var i = 0; i < 5; i++)
        {
            await LoginFromAsync(attacker, email, $"guess number {i}", 401);
        }

        var second = NewClientAddress();
        await LoginFromAsync(second, email, "one more guess", 401);

        await LoginFromAsync(attacker, email, Password, 401);
        await LoginFromAsync(second, email, Password, 401);
        await LoginFromAsync(NewClientAddress(), email, Password, 200);
    }

    [Fact]
    public async Task One_address_is_held_back_on_one_account_after_ten_failures_and_successes_never_count()
    {
        var email = NewEmail("throttled");
        await CreateAccountAsync(email);
        var address = NewClientAddress();
        for (var i = 0; i < 8; i++)
        {
            await LoginFromAsync(address, email, Password, 200);
        }

        for (var i = 0; i < 10; i++)
        {
            await LoginFromAsync(address, email, $"guess number {i}", 401);
        }

        var throttled = await LoginFromAsync(address, email, Password, 429);
        throttled.ShouldBeProblem(429, ProblemTypes.TooManyRequests);
        throttled.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeNullOrEmpty();
        await LoginFromAsync(NewClientAddress(), email, Password, 200);
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
