using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Account;

[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(BrowserFixture fixture)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_person_signs_up_confirms_turns_on_two_factor_and_signs_in_again_with_a_code()
    {
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        var page = await fixture.NewPageAsync();
        var consoleErrors = new List<string>(); // a content-security-policy violation shows up here
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        await page.GotoAsync("/");

        // Sign up.
        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Sign up" }).ClickAsync();
        await page.GetByLabel("Display name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await BrowserFixture.ScreenshotAsync(page, "account-sign-up");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Check your inbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(email);
        await ScreenshotOnPhoneAsync(page, "account-check-inbox-phone");

        // Confirm the address from the mail.
        await page.GotoAsync(await DevOutbox.WaitForLinkAsync(page, email, "/account/confirm-email"));
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Email confirmed");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

        // A wrong password gets the same answer as an unknown account.
        await SignInAsync(page, email, "not my password at all");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is incorrect");
        await Assertions.Expect(page).ToHaveURLAsync(LoginPage());

        // Sign in, open the account page from the navigation.
        await SignInAsync(page, email, Password);
        var accountLink = Nav(page).GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" });
        await Assertions.Expect(accountLink).ToBeVisibleAsync();
        await accountLink.ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Your account");
        await BrowserFixture.ScreenshotAsync(page, "account-settings");
        await ScreenshotOnPhoneAsync(page, "account-settings-phone");

        // Turn on two-factor authentication with the key the page shows.
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("QR code") })).ToBeVisibleAsync();
        var key = await SharedKeyAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "account-two-factor-setup");
        await ScreenshotOnPhoneAsync(page, "account-two-factor-setup-phone");
        var enablingCode = Totp(key);
        await page.GetByLabel("6-digit code").FillAsync(enablingCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Two-factor authentication is on");
        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        var recoveryCode = await page.Locator(".recovery-codes li").First.InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved my codes" }).ClickAsync();
        await Assertions.Expect(page.GetByText("10 of 10 recovery codes left")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-settings-two-factor-on");

        // Sign out with the button in the navigation.
        await Nav(page).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // Signing in again asks for a code; a wrong one is refused and the step stays.
        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await SignInAsync(page, email, Password);
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Two-factor authentication");
        await page.GetByLabel("Authentication code").FillAsync(WrongTotp(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("That code is not valid")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login-2fa"));
        await BrowserFixture.ScreenshotAsync(page, "account-two-factor-wrong-code");

        await page.GetByLabel("Authentication code").FillAsync(FreshTotp(key, enablingCode));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and sign in" }).ClickAsync();
        await Assertions.Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" })).ToBeVisibleAsync();
        await Assertions.Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "account-signed-in-nav");
        await ScreenshotOnPhoneAsync(page, "account-signed-in-nav-phone", openMenu: true);

        // Without the phone, a recovery code works once in place of the app's code.
        await Nav(page).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await SignInAsync(page, email, Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
        await page.GetByLabel("Recovery code").FillAsync(recoveryCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and sign in" }).ClickAsync();
        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
        await Assertions.Expect(page.GetByText("9 of 10 recovery codes left")).ToBeVisibleAsync();
        consoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Signing_in_to_the_account_page_comes_back_to_it_and_the_forms_explain_their_errors()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/account");

        await Assertions.Expect(page).ToHaveURLAsync(LoginPage());
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.ScreenshotAsync(page, "account-sign-in-errors");

        await SignInAsync(page, BrowserFixture.AdminEmail, BrowserFixture.AdminPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
        await page.GetByLabel("Current password").FillAsync("not the password");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a brand new password");
        await page.GetByLabel("New password again").FillAsync("a different new password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The two new passwords are not the same.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-settings-errors");
    }

    private static Regex LoginPage() => new("/account/login");
}
