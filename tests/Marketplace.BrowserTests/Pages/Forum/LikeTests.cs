using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Forum;

[Collection(BrowserCollection.Name)]
public sealed class LikeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_member_likes_posts_in_place_also_one_that_arrived_live_and_a_visitor_sees_the_counts_change_live()
    {
        var admin = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(admin);
        var slug = ForumSteps.NewSlug("likes");
        var categoryId = await ForumSteps.CreateCategoryAsync(admin, $"Likes {slug}", slug, "Show some love.");
        var threadId = await ForumSteps.StartThreadAsync(admin, categoryId, "Glaze results", "My first celadon.");

        var bea = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(bea, errors);
        await SignUpAndSignInAsync(bea, $"Bea {Guid.NewGuid().ToString("N")[..6]}", "correct horse battery staple");
        await bea.GotoAsync($"/forum/threads/{threadId}");
        await Assertions.Expect(bea.Locator("#live-state")).ToHaveTextAsync("Live");
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync($"/forum/threads/{threadId}");
        await Assertions.Expect(visitor.Locator("#live-state")).ToHaveTextAsync("Live");
        await Assertions.Expect(visitor.Locator("#post-1 .post-like-button")).ToHaveCountAsync(0);

        var like = bea.GetByRole(AriaRole.Button, new() { Name = "Like post 1" });
        await like.ClickAsync();

        await Assertions.Expect(like).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(bea.Locator("#post-1 .post-like-count")).ToHaveTextAsync("1 like");
        await Assertions.Expect(visitor.Locator("#post-1 .post-like-count")).ToHaveTextAsync("1 like");
        bea.Url.ShouldEndWith($"/forum/threads/{threadId}"); // in place: no form post, no reload

        await ForumSteps.ReplyAsync(admin, threadId, "Thanks! Here is the kiln log.");
        var liveLike = bea.GetByRole(AriaRole.Button, new() { Name = "Like post 2" });
        await liveLike.ClickAsync();
        await Assertions.Expect(liveLike).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(visitor.Locator("#post-2 .post-like-count")).ToHaveTextAsync("1 like");

        await like.ClickAsync();
        await Assertions.Expect(like).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(visitor.Locator("#post-1 .post-like-count")).ToHaveTextAsync("0 likes");
        errors.ShouldBeEmpty();
    }
}
