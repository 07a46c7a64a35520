using System.Text.Json;
using Alba;
using Marketplace.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Accounts;

/// <summary>What account tests share: accounts made directly, sign-ins through the API, and the dev outbox.</summary>
public abstract class AccountsTest(AppFixture fixture) : IntegrationTest(fixture)
{
    protected const string Password = "correct horse battery";

    public sealed record Mail(string To, string Subject, string Text, string[] Links);

    /// <summary>An address no other test uses (the per-account sign-in throttle outlives data resets).</summary>
    protected static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    /// <summary>A confirmed account with these roles (buyer always), made without the API.</summary>
    protected Task<Guid> CreateAccountAsync(string email, params string[] roles) => CreateNamedAccountAsync(email, "Test Person", roles);

    /// <summary>A confirmed account with this display name (and the handle it suggests) and these roles, made without the API.</summary>
    protected async Task<Guid> CreateNamedAccountAsync(string email, string displayName, params string[] roles)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        await DemoAccounts.EnsureAsync(users, TimeProvider.System, email, displayName, Password, [Roles.Buyer, .. roles]);
        return (await users.FindByEmailAsync(email))!.Id;
    }

    /// <summary>A signed-in member with this display name (and the handle it suggests); returns the access token.</summary>
    protected async Task<string> TokenOfNamedAsync(string displayName)
    {
        var email = NewEmail("member");
        await CreateNamedAccountAsync(email, displayName);
        return (await LoginAsync(email)).AccessToken;
    }

    protected async Task<TokenPair> LoginAsync(string email, string password = Password, string? code = null)
    {
        var result = await SendAsync(s =>
        {
            s.Post.Json(new { email, password, twoFactorCode = code }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(200);
        });
        return result.ReadAsJson<TokenPair>()!;
    }

    protected Task<IScenarioResult> AsUserAsync(string accessToken, Action<Scenario> configure) => SendAsync(s =>
    {
        s.WithRequestHeader("Authorization", $"Bearer {accessToken}");
        configure(s);
    });

    /// <summary>Runs the request and waits until every message it caused (mails included) has been handled.</summary>
    protected async Task<IScenarioResult> SendAndWaitAsync(Action<Scenario> configure)
    {
        IScenarioResult? result = null;
        await Host.ExecuteAndWaitAsync(async () => result = await SendAsync(configure), 30_000);
        return result!;
    }

    protected async Task<IReadOnlyList<Mail>> MailsToAsync(string email)
    {
        var result = await Host.Scenario(s => s.Get.Url($"/api/dev/outbox?to={Uri.EscapeDataString(email)}"));
        return result.ReadAsJson<Mail[]>()!;
    }

    protected static JsonElement Problem(IScenarioResult result) => result.ReadAsJson<JsonElement>();

    /// <summary>The status the API answers the caller: with the bearer token, or anonymously when it is null (role matrices).</summary>
    protected async Task<int> ApiStatusAsync(string? token, Action<Scenario> request)
    {
        var result = token is null
            ? await SendAsync(s => { request(s); s.IgnoreStatusCode(); })
            : await AsUserAsync(token, s => { request(s); s.IgnoreStatusCode(); });
        return result.Context.Response.StatusCode;
    }

    /// <summary>The sign-in cookie the member's browser would hold.</summary>
    protected async Task<string> SignInCookieAsync(string email)
    {
        var result = await SendAsync(s => s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login").QueryString("useCookies", "true"));
        return result.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    /// <summary>The status a page answers: with the sign-in cookie, or anonymously when it is null (role matrices).</summary>
    protected async Task<int> PageStatusAsync(string? cookie, string url) => (await SendAsync(s =>
    {
        s.Get.Url(url);
        if (cookie is not null)
        {
            s.WithRequestHeader("Cookie", cookie);
        }

        s.IgnoreStatusCode();
    })).Context.Response.StatusCode;

    protected async Task<T> WithUsersAsync<T>(Func<UserManager<UserAccount>, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>());
    }
}
