using System.Text.Json.Nodes;
using Marketplace.BrowserTests.Pages.Forum;
using Marketplace.Infrastructure.Payments;
using Microsoft.Playwright;
using Stripe;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Admin;

[Collection(BrowserCollection.Name)]
public sealed class DeadLettersPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_sees_a_message_that_failed_every_retry_with_its_error_and_replays_it()
    {
        var page = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(page);
        // A payout of a connected account no shop holds: it fails every retry (the fixture makes them quick).
        var account = $"acct_{Guid.NewGuid():N}"[..21];
        var payload = new JsonObject
        {
            ["id"] = $"evt_{Guid.NewGuid():N}", ["object"] = "event", ["api_version"] = StripeConfiguration.ApiVersion, ["account"] = account,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["livemode"] = false, ["type"] = "payout.paid",
            ["data"] = new JsonObject { ["object"] = new JsonObject { ["id"] = "po_dead_letter", ["object"] = "payout", ["amount"] = 900, ["currency"] = "usd", ["status"] = "paid" } },
        }.ToJsonString();
        var delivered = await page.ApiPostAsync("/api/webhooks/stripe", new()
        {
            Data = payload,
            Headers = new Dictionary<string, string>
            {
                ["Content-Type"] = "application/json",
                ["Stripe-Signature"] = EventUtility.GenerateSignatureHeader(payload, StripeOptions.DevelopmentConnectWebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            },
        });
        delivered.Status.ShouldBe(200, await delivered.TextAsync());

        await OpenAdminPageAsync(page, "Dead letters");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Dead letters");
        var letter = page.GetByRole(AriaRole.Row).Filter(new() { HasText = account });
        await Expect.EventuallyAsync(page, async () => await letter.CountAsync() == 1);
        await Assertions.Expect(letter).ToContainTextAsync("ConnectedPayoutEvent");
        await Assertions.Expect(letter).ToContainTextAsync($"No shop holds the connected account {account}");
        await BrowserFixture.ScreenshotAsync(page, "admin-dead-letters");

        await letter.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Replaying the message")).ToBeVisibleAsync();
    }
}
