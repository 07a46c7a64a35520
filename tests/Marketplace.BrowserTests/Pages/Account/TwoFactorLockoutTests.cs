using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Account;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorLockoutTests(BrowserFixture fixture)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Five_wrong_codes_on_the_second_step_lock_the_account_and_mail_its_owner()
    {
        var page = await fixture.NewPageAsync();
        var email = await SignUpAndSignInAsync(page, "Grace Hopper", Password);
        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Grace Hopper" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        var key = await SharedKeyAsync(page);
        var enablingCode = Totp(key);
        await page.GetByLabel("6-digit code").FillAsync(enablingCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Two-factor authentication is on");
        await Nav(page).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.GotoAsync("/account/login");
        await SignInAsync(page, email, Password);
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Two-factor authentication");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GetByLabel("Authentication code").FillAsync(WrongTotp(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify and sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByText(attempt < 5 ? "That code is not valid" : "Too many wrong codes")).ToBeVisibleAsync();
        }

        // Locked: even the right code is refused now, and the owner has a mail pointing to a password reset.
        await page.GetByLabel("Authentication code").FillAsync(FreshTotp(key, enablingCode));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Too many wrong codes")).ToBeVisibleAsync();
        await Assertions.Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        (await DevOutbox.WaitForLinkAsync(page, email, "/account/forgot-password")).ShouldNotBeNullOrEmpty();
    }
}
