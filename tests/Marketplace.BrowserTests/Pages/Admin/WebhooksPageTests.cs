using Marketplace.BrowserTests.Pages.Forum;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Admin;

[Collection(BrowserCollection.Name)]
public sealed class WebhooksPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_sees_received_stripe_events_with_their_outcome_and_replays_one()
    {
        var page = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(page);

        // A shop whose payout fails at the bank: Stripe (the sandbox) sends payout.created, then payout.failed.
        var shop = await page.ApiPostAsync("/api/shops", new() { DataObject = new { name = "Operator's Test Shop", slug = $"admin-{Guid.NewGuid():N}"[..16] } });
        shop.Status.ShouldBe(201, await shop.TextAsync());
        var shopId = (await shop.JsonAsync())!.Value.GetProperty("id").GetString();
        var link = await page.ApiPostAsync($"/api/shops/{shopId}/payouts/onboarding");
        var account = (await link.JsonAsync())!.Value.GetProperty("accountId").GetString();
        (await page.ApiPostAsync($"/stripe-sandbox/control/accounts/{account}/onboarding", new() { DataObject = new { outcome = "complete" } })).Ok.ShouldBeTrue();
        var payout = await page.ApiPostAsync($"/stripe-sandbox/control/accounts/{account}/payouts", new()
        {
            DataObject = new { amount = 1250, currency = "usd", outcome = "failed", failureCode = "account_closed" },
        });
        payout.Ok.ShouldBeTrue(await payout.TextAsync());

        await OpenAdminPageAsync(page, "Webhooks");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Stripe webhooks");
        var failedPayout = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "payout.failed" }).Filter(new() { HasText = account! });
        await Expect.EventuallyAsync(page, async () => await failedPayout.CountAsync() == 1 && (await failedPayout.TextContentAsync())!.Contains("processed"));
        await BrowserFixture.ScreenshotAsync(page, "admin-webhooks");

        // The row names the shop, and its payload opens in place.
        await Assertions.Expect(failedPayout.GetByRole(AriaRole.Link, new() { Name = "Operator's Test Shop" })).ToBeVisibleAsync();
        await failedPayout.GetByText("Payload").ClickAsync();
        await Assertions.Expect(failedPayout.Locator(".event-payload pre")).ToContainTextAsync("\"type\": \"payout.failed\"");
        await BrowserFixture.ScreenshotAsync(page, "admin-webhooks-payload");

        // A replay's outcome shows in its row without a reload.
        await failedPayout.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Replaying payout.failed")).ToBeVisibleAsync();
        await Assertions.Expect(failedPayout).ToContainTextAsync("1 replayed");
        await Assertions.Expect(failedPayout.Locator(".event-outcome")).ToContainTextAsync("processed");
        await Assertions.Expect(failedPayout).ToContainTextAsync("2 attempts");

        // The seller (here the admin) sees the failed payout on the payouts page.
        await page.GotoAsync("/shop/payouts");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "12.50 USD" })).ToContainTextAsync("failed");
    }
}

/// <summary>Waits for what a page shows after a reload, for lists filled by background work.</summary>
public static class Expect
{
    public static async Task EventuallyAsync(IPage page, Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the page never showed it");
            await Task.Delay(500);
            await page.ReloadAsync();
        }
    }
}
