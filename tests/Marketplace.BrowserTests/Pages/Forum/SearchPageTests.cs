using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Forum;

[Collection(BrowserCollection.Name)]
public sealed class SearchPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_reader_searches_the_forum_from_its_index_and_opens_the_post_found()
    {
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(page, errors);
        await ForumSteps.SignInAsAdminAsync(page);
        var slug = ForumSteps.NewSlug("kiln");
        var categoryId = await ForumSteps.CreateCategoryAsync(page, $"Kilns {slug}", slug, "Firing questions.");
        var word = $"celadon{Guid.NewGuid():N}"[..14];
        var threadId = await ForumSteps.StartThreadAsync(page, categoryId, $"Crazing on my {word} mugs", "First firing went fine.");
        await ForumSteps.ReplyAsync(page, threadId, $"Slow the cooling: {word} glazes craze when the kiln cools too fast.");

        await page.GotoAsync("/forum");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the forum" }).FillAsync(word);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the forum" }).PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/forum/search\\?q={word}"));
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Threads found" })).ToContainTextAsync($"Crazing on my {word} mugs");
        var posts = page.GetByRole(AriaRole.List, new() { Name = "Posts found" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(posts).ToHaveCountAsync(1);
        await Assertions.Expect(posts.First).ToContainTextAsync("glazes craze when the kiln cools too fast");
        await BrowserFixture.ScreenshotAsync(page, "forum-search");
        await ScreenshotOnPhoneAsync(page, "forum-search-phone");

        await posts.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync($"Crazing on my {word} mugs");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#post-2$"));

        // Too short a query is explained rather than searched.
        await page.GotoAsync("/forum/search?q=x");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Search for 2 to 200 characters.");
        errors.ShouldBeEmpty();
    }
}
