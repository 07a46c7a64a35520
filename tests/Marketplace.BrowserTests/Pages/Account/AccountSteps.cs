using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;

namespace Marketplace.BrowserTests.Pages.Account;

/// <summary>What a person does again and again on the account pages, and the authenticator app they carry.</summary>
public static partial class AccountSteps
{
    public static ILocator Nav(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    /// <summary>The navigation every admin page shows.</summary>
    public static ILocator AdminNav(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Admin", Exact = true });

    /// <summary>Opens an admin page as an admin would: "Admin" in the header, then the page in the admin navigation.</summary>
    public static async Task OpenAdminPageAsync(IPage page, string title)
    {
        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await AdminNav(page).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
    }

    public static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Fills in and sends the sign-in form (the page must be showing it).</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs up through the API, confirms the address from the dev outbox and signs in on the page.</summary>
    public static async Task<string> SignUpAndSignInAsync(IPage page, string displayName, string password)
    {
        var email = $"member-{Guid.NewGuid():N}@example.com";
        var registered = await page.ApiPostAsync("/api/auth/register", new() { DataObject = new { email, password, displayName } });
        registered.Status.ShouldBe(201);
        await page.GotoAsync(await DevOutbox.WaitForLinkAsync(page, email, "/account/confirm-email"));
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Email confirmed");
        await page.GotoAsync("/account/login");
        await SignInAsync(page, email, password);
        await Assertions.Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = displayName })).ToBeVisibleAsync();
        return email;
    }

    /// <summary>The shared key the two-factor set-up page shows, as a person would type it into their app.</summary>
    public static async Task<string> SharedKeyAsync(IPage page) => Whitespace().Replace(await page.Locator("#shared-key").InnerTextAsync(), "");

    /// <summary>The code an authenticator app shows right now for this key.</summary>
    public static string Totp(string sharedKey) => new Totp(Base32Encoding.ToBytes(sharedKey)).ComputeTotp();

    /// <summary>
    /// A code that signs in after <paramref name="usedCode"/>, without waiting up to 30 s for the app to show the next
    /// one: each code signs in only once, and the server takes the next time step's code too (clocks drift), so this is
    /// the current code when it is not the used one, else the next step's.
    /// </summary>
    public static string FreshTotp(string sharedKey, string usedCode)
    {
        var totp = new Totp(Base32Encoding.ToBytes(sharedKey));
        var now = DateTime.UtcNow;
        var current = totp.ComputeTotp(now);
        return current != usedCode ? current : totp.ComputeTotp(now.AddSeconds(30));
    }

    /// <summary>A well-formed code that is wrong for every time step the server could accept around now.</summary>
    public static string WrongTotp(string sharedKey)
    {
        var totp = new Totp(Base32Encoding.ToBytes(sharedKey));
        var now = DateTime.UtcNow;
        var accepted = Enumerable.Range(-4, 9).Select(step => totp.ComputeTotp(now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(digit => new string((char)('0' + digit), 6)).First(code => !accepted.Contains(code));
    }

    /// <summary>
    /// Shows the page at phone width for a screenshot (with the navigation menu open, if asked), checks nothing sticks
    /// out sideways, then goes back to desktop width.
    /// </summary>
    public static async Task ScreenshotOnPhoneAsync(IPage page, string name, bool openMenu = false)
    {
        var desktop = page.ViewportSize!;
        await page.SetViewportSizeAsync(390, 844);
        if (openMenu)
        {
            await Nav(page).GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
            await Assertions.Expect(Nav(page).GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        }

        await BrowserFixture.ScreenshotAsync(page, name);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, $"{name} is wider than the phone");
        await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
