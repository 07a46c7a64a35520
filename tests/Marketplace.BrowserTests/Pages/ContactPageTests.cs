using Microsoft.Playwright;

namespace Marketplace.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class ContactPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Sending_an_empty_form_shows_every_field_error_then_a_complete_one_thanks_the_sender()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/contact");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();

        await Assertions.Expect(page.Locator(".field-error:not(:empty)")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(page, "contact-errors");

        await page.GetByLabel("Your name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByLabel("Subject").FillAsync("Selling my fonts");
        await page.GetByLabel("Message").FillAsync("How long does onboarding for payouts take?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your message is on its way");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sent=true", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await BrowserFixture.ScreenshotAsync(page, "contact-sent");
    }
}
