using Marketplace.BrowserTests.Pages.Forum;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Moderation;

[Collection(BrowserCollection.Name)]
public sealed class FlagQueuePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_member_flags_a_post_from_its_menu_and_a_moderator_claims_and_resolves_it_in_the_queue()
    {
        var staff = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(staff);
        var slug = ForumSteps.NewSlug("flags");
        var category = await ForumSteps.CreateCategoryAsync(staff, $"Flags {slug}", slug, "Where adverts get flagged.");
        var threadId = await ForumSteps.StartThreadAsync(staff, category, $"Watches {slug}", "Cheap watches at my site.");

        var member = await fixture.NewPageAsync();
        await SignUpAndSignInAsync(member, "Fay Flagger", "correct horse battery staple");
        await member.GotoAsync($"/forum/threads/{threadId}");
        var post = member.Locator(".post").First;
        await post.GetByText("Flag", new() { Exact = true }).ClickAsync();
        await post.GetByLabel("spam").CheckAsync();
        await post.GetByLabel("Details (optional, required for \"other\")").FillAsync("An advert.");
        await post.GetByRole(AriaRole.Button, new() { Name = "Send flag" }).ClickAsync();
        await Assertions.Expect(Heading(member)).ToHaveTextAsync($"Watches {slug}");

        await Nav(staff).GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
        await Assertions.Expect(Heading(staff)).ToHaveTextAsync("Moderation queue");
        var item = staff.Locator(".queue-item").Filter(new() { HasText = $"Watches {slug}" });
        await Assertions.Expect(item).ToContainTextAsync("spam from Fay Flagger");
        await item.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#queue-status")).ToContainTextAsync("Claimed");
        item = staff.Locator(".queue-item").Filter(new() { HasText = $"Watches {slug}" });
        await item.GetByLabel("Dismissed").CheckAsync();
        await item.GetByLabel("Reason").FillAsync("The admin's own post.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#queue-status")).ToContainTextAsync("Resolved: dismissed");
        await Assertions.Expect(staff.Locator(".queue-item").Filter(new() { HasText = $"Watches {slug}" })).ToHaveCountAsync(0);
    }
}
