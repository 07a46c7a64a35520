using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Account;

[Collection(BrowserCollection.Name)]
public sealed class PasswordResetTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_unconfirmed_member_gets_a_new_link_then_resets_a_forgotten_password_and_signs_in_with_it()
    {
        var email = $"grace-{Guid.NewGuid():N}@example.com";
        var page = await fixture.NewPageAsync();
        var registered = await page.ApiPostAsync("/api/auth/register", new()
        {
            DataObject = new { email, password = "the first password", displayName = "Grace Hopper" },
        });
        registered.Status.ShouldBe(201);

        // Signing in before confirming offers a new confirmation link.
        await page.GotoAsync("/account/login");
        await SignInAsync(page, email, "the first password");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Confirm your email address first");
        await BrowserFixture.ScreenshotAsync(page, "account-sign-in-unconfirmed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a new link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("we've sent it a new link");

        // A broken confirmation link explains itself and offers the same form.
        await page.GotoAsync("/account/confirm-email?userId=not-an-id&code=nothing");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("This link does not work");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send a new link" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-confirm-email-broken");

        await page.GotoAsync(await DevOutbox.WaitForLinkAsync(page, email, "/account/confirm-email"));
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Email confirmed");

        // Forgot the password: the answer is the same for any address.
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account exists for that address");
        await ScreenshotOnPhoneAsync(page, "account-forgot-password-sent-phone");

        var resetLink = await DevOutbox.WaitForLinkAsync(page, email, "/account/reset-password");

        // A tampered link is refused without changing anything.
        await page.GotoAsync(resetLink.Replace("code=", "code=x", StringComparison.Ordinal));
        await ChooseNewPasswordAsync(page, "a tampered new password", "a tampered new password");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("invalid or has expired");

        await page.GotoAsync(resetLink);
        await ChooseNewPasswordAsync(page, "the second password", "a typo in the second");
        await Assertions.Expect(page.GetByText("The two passwords are not the same.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-reset-password-errors");
        await ChooseNewPasswordAsync(page, "the second password", "the second password");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password has been changed");
        await SignInAsync(page, email, "the first password");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is incorrect");
        await SignInAsync(page, email, "the second password");
        await Assertions.Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "Grace Hopper" })).ToBeVisibleAsync();
    }

    private static async Task ChooseNewPasswordAsync(IPage page, string password, string again)
    {
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("New password again").FillAsync(again);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
    }
}
