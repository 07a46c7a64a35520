using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Forum;

[Collection(BrowserCollection.Name)]
public sealed class PostMenuTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_moderator_hides_a_post_from_its_menu_and_a_member_watching_sees_it_go_and_come_back_on_restore()
    {
        var moderator = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(moderator, errors);
        await ForumSteps.SignInAsAdminAsync(moderator);
        var slug = ForumSteps.NewSlug("menu");
        var categoryId = await ForumSteps.CreateCategoryAsync(moderator, $"Glazes {slug}", slug, "Recipes and failures.");
        var threadId = await ForumSteps.StartThreadAsync(moderator, categoryId, "Crawling glaze on bisque", "Why does my glaze crawl?");

        // A member replies, and keeps the thread open in another browser context.
        var member = await fixture.NewPageAsync();
        ForumSteps.CollectConsoleErrors(member, errors);
        await SignUpAndSignInAsync(member, "Cal Member", "correct horse battery staple");
        await ForumSteps.ReplyAsync(member, threadId, "Visit my shop for cheap followers.");
        await member.GotoAsync($"/forum/threads/{threadId}");
        await Assertions.Expect(member.Locator("#live-state")).ToHaveTextAsync("Live");
        await Assertions.Expect(member.Locator("#post-2")).ToContainTextAsync("cheap followers");

        // The moderator opens the reply's menu with the keyboard and hides it with a reason.
        await moderator.GotoAsync($"/forum/threads/{threadId}");
        await Assertions.Expect(moderator.Locator("#live-state")).ToHaveTextAsync("Live");
        var summary = moderator.Locator("#post-2 summary[aria-label='More actions for post 2']");
        await summary.FocusAsync();
        await moderator.Keyboard.PressAsync("Enter");
        await Assertions.Expect(moderator.Locator("#post-2 .post-menu")).ToHaveAttributeAsync("open", "");
        await moderator.Locator("#post-2").GetByLabel("Reason for the author (optional)").FillAsync("Advertising in a help thread.");

        await AssertAccessibleAsync(moderator);
        await moderator.SetViewportSizeAsync(320, 800);
        (await moderator.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "the open post menu fits a 320 px screen");
        await moderator.SetViewportSizeAsync(1280, 800);
        await BrowserFixture.ScreenshotAsync(moderator, "forum-thread-post-menu");

        await moderator.Locator("#post-2").GetByRole(AriaRole.Button, new() { Name = "Hide post" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#post-2 .post-hidden-badge")).ToHaveTextAsync("Hidden");
        await Assertions.Expect(member.Locator("#post-2")).ToHaveCountAsync(0);
        await Assertions.Expect(member.Locator(".post")).ToHaveCountAsync(1);

        // Restored from the same menu, the post comes back in its place for the member.
        await Assertions.Expect(moderator.Locator("#live-state")).ToHaveTextAsync("Live");
        await moderator.Locator("#post-2 summary").ClickAsync();
        await moderator.Locator("#post-2").GetByRole(AriaRole.Button, new() { Name = "Restore post" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#post-2 .post-hidden-badge")).ToHaveCountAsync(0);
        await Assertions.Expect(member.Locator("#post-2")).ToContainTextAsync("cheap followers");
        await Assertions.Expect(member.Locator(".post")).ToHaveCountAsync(2);
        errors.ShouldBeEmpty();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
#pragma warning disable CS0618 // the suite's survey scans in legacy mode too (PageSurvey.RunAxeAsync)
        var result = await page.Locator("html").RunAxeLegacy(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
#pragma warning restore CS0618
        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
    }
}
