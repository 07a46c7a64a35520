using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Admin;

[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_opens_the_dashboard_then_suspends_a_member_from_the_users_page()
    {
        var email = $"spammer-{Guid.NewGuid():N}@example.com";
        var page = await fixture.NewPageAsync();
        var registered = await page.ApiPostAsync("/api/auth/register", new()
        {
            DataObject = new { email, password = "a long enough password", displayName = "Sam Spammer" },
        });
        registered.Status.ShouldBe(201);

        await page.GotoAsync("/account/login");
        await SignInAsync(page, BrowserFixture.AdminEmail, BrowserFixture.AdminPassword);
        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Dashboard");
        var members = page.GetByRole(AriaRole.Img, new() { Name = "New members per day" });
        await Assertions.Expect(members).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".dashboard-counts").GetByRole(AriaRole.Link, new() { Name = "dead letter" })).ToHaveAttributeAsync("href", "/admin/dead-letters");
        await BrowserFixture.ScreenshotAsync(page, "admin-dashboard");
        await ScreenshotOnPhoneAsync(page, "admin-dashboard-phone");
        await page.SetViewportSizeAsync(320, 700);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "the dashboard is wider than a 320 px phone");
        await page.SetViewportSizeAsync(1280, 800);

        await AdminNav(page).GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await page.GetByLabel("Email or display name").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("summary").ClickAsync(); // the row's "Suspend" disclosure
        await row.GetByLabel("Until (00:00 UTC of)").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd"));
        await row.GetByLabel("Reason (the member reads it)").FillAsync("Links to a scam in three threads.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Suspend Sam Spammer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Suspended until");
        await Assertions.Expect(row).ToContainTextAsync("Links to a scam in three threads.");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Unsuspend" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-users-suspended");
    }
}
