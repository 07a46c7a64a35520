using Microsoft.Playwright;

namespace Marketplace.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_home_page_renders_with_its_navigation_and_no_console_errors()
    {
        var page = await fixture.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        var response = await page.GotoAsync("/");

        response!.Status.ShouldBe(200);
        (await page.TitleAsync()).ShouldBe("Marketplace");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Marketplace");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Discover" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Contact" })).ToBeVisibleAsync();
        (await page.EvaluateAsync<string>("getComputedStyle(document.body).display")).ShouldBe("flex"); // the stylesheet loaded
        await BrowserFixture.ScreenshotAsync(page, "home");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await BrowserFixture.ScreenshotAsync(page, "home-dark");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Navigating_from_the_home_page_reaches_the_contact_page_and_marks_it_current()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Contact" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/contact$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contact the team");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
            .GetByRole(AriaRole.Link, new() { Name = "Contact" })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task On_a_phone_the_menu_button_opens_and_is_followed_with_the_keyboard_alone()
    {
        var page = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var menu = nav.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var contact = nav.GetByRole(AriaRole.Link, new() { Name = "Contact" });
        await Assertions.Expect(contact).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await page.Keyboard.PressAsync("Tab"); // the skip link
        await page.Keyboard.PressAsync("Tab"); // the site's name
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(menu).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(contact).ToBeVisibleAsync();
        (await menu.GetAttributeAsync("aria-controls")).ShouldBe(await page.Locator("#nav-links").GetAttributeAsync("id"));
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Discover" })).ToBeFocusedAsync();
        (await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle")).ShouldBe("solid"); // focus shows
        await BrowserFixture.ScreenshotAsync(page, "home-phone-menu");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).ToBeFocusedAsync();
        await Assertions.Expect(contact).ToBeHiddenAsync();

        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(contact).ToBeVisibleAsync();
        for (var tabs = 0; tabs < 10 && !await contact.EvaluateAsync<bool>("link => link === document.activeElement"); tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(contact).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/contact$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contact the team");
    }

    [Fact]
    public async Task A_missing_page_shows_the_friendly_error_page()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        response!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the start" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
    }
}
