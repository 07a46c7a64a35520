using Marketplace.BrowserTests.Pages.Forum;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Admin;

[Collection(BrowserCollection.Name)]
public sealed class ForumCategoriesPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_creates_a_category_on_the_page_then_renames_it_and_makes_it_read_only()
    {
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(page, errors);
        await ForumSteps.SignInAsAdminAsync(page);
        var slug = ForumSteps.NewSlug("glaze");

        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Forum" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage categories" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Forum categories");

        // A bad address is explained and nothing is created.
        var create = page.GetByRole(AriaRole.Form, new() { Name = "New category" });
        await create.GetByLabel("Name").FillAsync("Glazes");
        await create.GetByLabel("Address").FillAsync("Glazes & Kilns");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create category" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Use lower-case letters, digits and single dashes.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Form, new() { Name = "Glazes" })).ToHaveCountAsync(0);

        await create.GetByLabel("Address").FillAsync(slug);
        await create.GetByLabel("Description").FillAsync("Recipes and firing schedules.");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create category" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Created Glazes at /forum/{slug}.")).ToBeVisibleAsync();

        // Renamed and made read-only; an empty name is refused first, with what was typed kept.
        var edit = page.GetByRole(AriaRole.Form, new() { Name = "Glazes" });
        await edit.GetByLabel("Name").FillAsync("");
        await edit.GetByLabel("Description").FillAsync("Kept while the name is fixed.");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(edit.GetByText("Fill in the name.")).ToBeVisibleAsync();
        await Assertions.Expect(edit.GetByLabel("Description")).ToHaveValueAsync("Kept while the name is fixed.");

        await edit.GetByLabel("Name").FillAsync("Glaze news");
        await edit.GetByLabel("Read-only (announcements)").CheckAsync();
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved Glaze news.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-forum-categories");
        await ScreenshotOnPhoneAsync(page, "admin-forum-categories-phone");

        await page.GotoAsync("/forum");
        var card = page.Locator(".forum-category").Filter(new() { HasText = "Glaze news" });
        await Assertions.Expect(card).ToContainTextAsync("Kept while the name is fixed.");
        await Assertions.Expect(card).ToContainTextAsync("Announcements");
        errors.ShouldBeEmpty();
    }
}
