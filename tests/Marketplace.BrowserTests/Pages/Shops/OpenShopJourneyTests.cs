using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Shops;

[Collection(BrowserCollection.Name)]
public sealed class OpenShopJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_new_member_opens_a_shop_onboards_on_stripes_hosted_page_and_sees_payouts_enabled()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await SignUpAndSignInAsync(page, "Olive Owner", "correct horse battery staple");
        var slug = $"olive-{Guid.NewGuid():N}"[..16];

        // Sell → Open a shop: a wrong address is explained on the form, and what was typed stays.
        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Sell" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Open a shop");
        await page.GetByLabel("Shop name").FillAsync("Olive Type Co.");
        await page.GetByLabel("Web address").FillAsync("Admin");
        await page.GetByLabel("What you sell").FillAsync("Display typefaces with olive-oil smoothness.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my shop" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Use lowercase letters")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Shop name")).ToHaveValueAsync("Olive Type Co.");
        await BrowserFixture.ScreenshotAsync(page, "shop-open");
        await page.GetByLabel("Web address").FillAsync(slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my shop" }).ClickAsync();

        // The payouts page says what comes next.
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Payouts");
        await Assertions.Expect(page.GetByText("Olive Type Co. is open.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".payout-state")).ToHaveAttributeAsync("data-state", "not-started");

        // Stripe's hosted onboarding (the sandbox's): submit the prefilled test data, come back to the shop.
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up payouts" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToContainTextAsync("Set up payouts for Olive Type Co.");
        await BrowserFixture.ScreenshotAsync(page, "stripe-sandbox-onboarding");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();

        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Payouts");
        await Assertions.Expect(page.Locator(".payout-state")).ToHaveAttributeAsync("data-state", "enabled");
        await Assertions.Expect(page.GetByText("Payouts enabled.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "shop-payouts-enabled");

        // The Express dashboard opens from the payouts page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Stripe Express dashboard" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/stripe-sandbox/express/"));
        await page.GoBackAsync();

        // The public page shows the shop to everyone.
        await page.GotoAsync($"/shops/{slug}");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Olive Type Co.");
        await Assertions.Expect(page.GetByText("Display typefaces with olive-oil smoothness.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Support forum" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "shop-public-page");
        await ScreenshotOnPhoneAsync(page, "shop-public-page-phone");
    }

    [Fact]
    public async Task A_seller_who_leaves_requirements_due_is_told_what_stripe_still_needs()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await SignUpAndSignInAsync(page, "Rita Restricted", "correct horse battery staple");
        await page.GotoAsync("/shops/open");
        await page.GetByLabel("Shop name").FillAsync("Rita's Brushes");
        await page.GetByLabel("Web address").FillAsync($"rita-{Guid.NewGuid():N}"[..15]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my shop" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Set up payouts" }).ClickAsync();
        var usedLink = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Leave requirements due" }).ClickAsync();

        await Assertions.Expect(page.Locator(".payout-state")).ToHaveAttributeAsync("data-state", "pending");
        await Assertions.Expect(page.Locator(".requirements")).ToContainTextAsync("A bank account for payouts");
        await Assertions.Expect(page.Locator(".payout-state")).ToContainTextAsync("Next step: select “Continue setting up payouts”");
        await Assertions.Expect(page.GetByText("external_account")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".notice-success")).ToHaveCountAsync(0); // no "Thanks!" above the warning
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Continue setting up payouts" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "shop-payouts-requirements-due");

        // An onboarding link works once: opened again (an old tab, the back button) it goes through the refresh page to a new one.
        await page.GotoAsync(usedLink);
        await Assertions.Expect(Heading(page)).ToContainTextAsync("Set up payouts for Rita's Brushes");
        page.Url.ShouldNotBe(usedLink);
        page.Url.ShouldContain("/stripe-sandbox/connect/onboarding/");
    }
}
