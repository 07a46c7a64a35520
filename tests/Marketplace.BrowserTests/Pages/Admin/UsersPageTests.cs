using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Admin;

[Collection(BrowserCollection.Name)]
public sealed class UsersPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_finds_a_member_and_grants_then_revokes_the_moderator_role()
    {
        var email = $"mo-{Guid.NewGuid():N}@example.com";
        var page = await fixture.NewPageAsync();
        var registered = await page.ApiPostAsync("/api/auth/register", new()
        {
            DataObject = new { email, password = "a long enough password", displayName = "Mo Member" },
        });
        registered.Status.ShouldBe(201);

        await page.GotoAsync("/account/login");
        await SignInAsync(page, BrowserFixture.AdminEmail, BrowserFixture.AdminPassword);
        await OpenAdminPageAsync(page, "Users");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Users");
        await page.GetByLabel("Email or display name").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Not confirmed");
        await row.GetByRole(AriaRole.Button, new() { Name = "Make moderator" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mo Member is now a moderator");
        await Assertions.Expect(row.GetByText("moderator", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-users");
        await ScreenshotOnPhoneAsync(page, "admin-users-phone");

        await row.GetByRole(AriaRole.Button, new() { Name = "Remove moderator" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mo Member is no longer a moderator");
        await Assertions.Expect(row.GetByText("moderator", new() { Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_visitor_neither_sees_the_users_page_in_the_navigation_nor_opens_it_without_signing_in()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/admin/users");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Assertions.Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToHaveCountAsync(0);
    }
}
