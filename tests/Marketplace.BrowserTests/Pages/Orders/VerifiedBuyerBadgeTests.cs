using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Orders;

[Collection(BrowserCollection.Name)]
public sealed class VerifiedBuyerBadgeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_post_already_on_an_open_product_thread_gains_the_verified_buyer_badge_when_its_author_pays_without_a_reload()
    {
        var (productId, _, _) = await OrderSteps.PublishedProductAsync(fixture, "Vera Vector", "Vera's Vectors", "Vector Pack", "12.00");
        var buyer = await fixture.NewPageAsync();
        await buyer.GotoAsync("/");
        await SignUpAndSignInAsync(buyer, "Ben Buyer", "correct horse battery staple");
        await Forum.ForumSteps.ReplyAsync(buyer, productId, "Does it come with SVG files?");

        // The product's support thread, open and live, shows the buyer's question without a badge.
        await buyer.GotoAsync($"/forum/threads/{productId}");
        await Assertions.Expect(buyer.Locator("#live-state")).ToHaveTextAsync("Live");
        var question = buyer.Locator(".post").Filter(new() { HasText = "Does it come with SVG files?" });
        var badge = question.Locator(".badge", new() { HasText = "verified buyer" });
        await Assertions.Expect(badge).ToHaveCountAsync(0);
        await buyer.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // In another tab the buyer pays on the hosted checkout.
        var tab = await buyer.Context.NewPageAsync();
        await tab.GotoAsync($"/products/{productId}");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await tab.GetByRole(AriaRole.Button, new() { Name = "Pay with Stripe" }).ClickAsync();
        await tab.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await tab.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/orders/[0-9a-f-]{36}\\?checkout=success"));

        // The thread, never reloaded, now shows the badge on the post already there.
        await Assertions.Expect(badge).ToBeVisibleAsync(new() { Timeout = 30_000 });
        (await buyer.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).ShouldBeTrue();
        await BrowserFixture.ScreenshotAsync(buyer, "verified-buyer-live");
    }
}
