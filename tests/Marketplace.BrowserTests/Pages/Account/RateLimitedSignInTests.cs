using System.Text.RegularExpressions;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Account;

[Collection(BrowserCollection.Name)]
public sealed partial class RateLimitedSignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_rate_limited_sign_in_form_says_in_words_when_to_try_again_counts_down_and_keeps_the_email()
    {
        // The shared app lets every test sign in from one address; this one needs a limit it can reach in two tries.
        await using var database = await TestDatabase.CreateAsync("browser-limits");
        await using var app = await AppServer.StartAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["Seed__DemoData"] = "false",
            ["RateLimits__auth__PermitLimit"] = "2",
            ["RateLimits__auth__Window"] = "00:00:40",
        });
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await SignInAsync(page, "ada@example.com", "not the password");
        await SignInAsync(page, "ada@example.com", "not the password");

        var refused = await page.RunAndWaitForResponseAsync(
            () => SignInAsync(page, "ada@example.com", "not the password"), response => response.Request.Method == "POST");

        refused.Status.ShouldBe(429);
        var notice = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "many attempts" });
        await Assertions.Expect(notice).ToContainTextAsync("There were many attempts from your network in a short time.");
        await Assertions.Expect(notice).ToContainTextAsync(SecondsLeft());
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("ada@example.com");
        await Assertions.Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync("");
        await Assertions.Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync(); // a whole page
        var first = await notice.Locator(".retry-wait").InnerTextAsync();
        await Assertions.Expect(notice.Locator(".retry-wait")).Not.ToHaveTextAsync(first); // counted down live
        await Assertions.Expect(notice.Locator(".retry-wait")).ToHaveTextAsync(SecondsLeft());
        await BrowserFixture.ScreenshotAsync(page, "account-sign-in-rate-limited");
    }

    [GeneratedRegex(@"Try again in \d+ seconds?\.")]
    private static partial Regex SecondsLeft();
}
