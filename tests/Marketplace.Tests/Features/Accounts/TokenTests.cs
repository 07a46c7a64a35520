using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Accounts;

public sealed class TokenTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task A_refresh_token_buys_a_new_pair_once_and_its_reuse_revokes_the_whole_family()
    {
        var email = NewEmail("refresh");
        await CreateAccountAsync(email);
        var first = await LoginAsync(email);

        var second = (await SendAsync(s => s.Post.Json(new { refreshToken = first.RefreshToken }).ToUrl("/api/auth/refresh")))
            .ReadAsJson<TokenPair>()!;
        second.RefreshToken.ShouldNotBe(first.RefreshToken);
        await AsUserAsync(second.AccessToken, s => s.Get.Url("/api/me"));

        var reused = await SendAsync(s =>
        {
            s.Post.Json(new { refreshToken = first.RefreshToken }).ToUrl("/api/auth/refresh");
            s.StatusCodeShouldBe(401);
        });
        reused.ShouldBeProblem(401, ProblemTypes.InvalidToken);

        await SendAsync(s =>
        {
            s.Post.Json(new { refreshToken = second.RefreshToken }).ToUrl("/api/auth/refresh");
            s.StatusCodeShouldBe(401); // the thief's copy and the owner's newer one died together
        });
    }

    [Fact]
    public async Task Concurrent_refreshes_with_one_token_succeed_exactly_once()
    {
        var email = NewEmail("concurrent");
        await CreateAccountAsync(email);
        var tokens = await LoginAsync(email);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(s =>
        {
            s.Post.Json(new { tokens.RefreshToken }).ToUrl("/api/auth/refresh");
            s.IgnoreStatusCode();
        })));

        attempts.Select(a => a.Context.Response.StatusCode).Order().ShouldBe([200, 401, 401, 401, 401, 401]);
    }

    [Fact]
    public async Task A_garbage_or_tampered_access_token_is_refused_with_401()
    {
        var email = NewEmail("garbage");
        await CreateAccountAsync(email);
        var tokens = await LoginAsync(email);
        var tampered = tokens.AccessToken[..^4] + (tokens.AccessToken[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var result = await AsUserAsync(tampered, s =>
        {
            s.Get.Url("/api/me");
            s.StatusCodeShouldBe(401);
        });

        result.ShouldBeProblem(401, ProblemTypes.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_access_tokens_refresh_tokens_and_cookies_at_once()
    {
        var email = NewEmail("everywhere");
        await CreateAccountAsync(email);
        var phone = await LoginAsync(email);
        var laptop = await LoginAsync(email);
        var cookie = (await SendAsync(s => s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login").QueryString("useCookies", "true")))
            .Context.Response.Headers.SetCookie.ToString().Split(';')[0];

        await AsUserAsync(laptop.AccessToken, s =>
        {
            s.Post.Url("/api/account/sign-out-everywhere");
            s.StatusCodeShouldBe(204);
        });

        await AsUserAsync(phone.AccessToken, s =>
        {
            s.Get.Url("/api/me");
            s.StatusCodeShouldBe(401);
        });
        await SendAsync(s =>
        {
            s.Post.Json(new { refreshToken = phone.RefreshToken }).ToUrl("/api/auth/refresh");
            s.StatusCodeShouldBe(401);
        });
        await SendAsync(s =>
        {
            s.Get.Url("/api/me");
            s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBe(401);
        });
        await LoginAsync(email); // signing in again works
    }

    [Fact]
    public async Task Logging_out_with_a_refresh_token_retires_it()
    {
        var email = NewEmail("logout");
        await CreateAccountAsync(email);
        var tokens = await LoginAsync(email);

        await SendAsync(s =>
        {
            s.Post.Json(new { tokens.RefreshToken }).ToUrl("/api/auth/logout");
            s.StatusCodeShouldBe(204);
        });

        await SendAsync(s =>
        {
            s.Post.Json(new { tokens.RefreshToken }).ToUrl("/api/auth/refresh");
            s.StatusCodeShouldBe(401);
        });
    }
}
