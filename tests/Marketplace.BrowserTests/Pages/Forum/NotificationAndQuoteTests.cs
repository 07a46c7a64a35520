using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Forum;

[Collection(BrowserCollection.Name)]
public sealed partial class NotificationAndQuoteTests(BrowserFixture fixture)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_mentioned_member_sees_the_unread_count_rise_live_and_finds_the_notification_in_the_menu_and_on_the_page()
    {
        var admin = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(admin);
        var slug = ForumSteps.NewSlug("ping");
        var categoryId = await ForumSteps.CreateCategoryAsync(admin, $"Mentions {slug}", slug, "Who said my name?");
        var threadId = await ForumSteps.StartThreadAsync(admin, categoryId, "Firing schedules", "Share your schedules here.");

        var suffix = Guid.NewGuid().ToString("N")[..6];
        var bea = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(bea, errors);
        await SignUpAndSignInAsync(bea, $"Bea {suffix}", Password);
        await bea.GotoAsync("/forum");
        var count = bea.Locator("#notification-count");
        await Assertions.Expect(count).ToBeHiddenAsync();
        await Assertions.Expect(bea.Locator("#notifications-menu")).ToHaveAttributeAsync("data-live", "true");

        await ForumSteps.ReplyAsync(admin, threadId, $"@Bea{suffix}, what is your bisque schedule?");

        await Assertions.Expect(count).ToHaveTextAsync("1");
        await Assertions.Expect(count).ToBeVisibleAsync();
        await bea.Locator(".notifications-toggle").ClickAsync();
        var latest = bea.GetByRole(AriaRole.List, new() { Name = "Latest notifications" }).GetByRole(AriaRole.Listitem).First;
        await Assertions.Expect(latest).ToContainTextAsync("Administrator mentioned you in Firing schedules");
        await Assertions.Expect(latest).ToContainTextAsync("what is your bisque schedule?");
        await BrowserFixture.ScreenshotAsync(bea, "forum-notifications-menu");

        await bea.GetByRole(AriaRole.Link, new() { Name = "All notifications" }).ClickAsync();
        await Assertions.Expect(Heading(bea)).ToHaveTextAsync("Notifications");
        await Assertions.Expect(bea.GetByRole(AriaRole.List, new() { Name = "Notifications", Exact = true }).GetByRole(AriaRole.Listitem))
            .ToContainTextAsync("Administrator mentioned you in Firing schedules");
        await bea.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();
        await Assertions.Expect(bea.Locator("#notifications-unread")).ToHaveTextAsync("0 unread");
        await Assertions.Expect(count).ToBeHiddenAsync();

        // Bea watches the thread from its page: the next reply, without a mention, counts too.
        await bea.GotoAsync($"/forum/threads/{threadId}");
        await bea.GetByLabel("Notifications", new() { Exact = true }).SelectOptionAsync("watching");
        await bea.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(bea.GetByText("You are watching this thread")).ToBeVisibleAsync();
        await bea.GotoAsync("/forum");
        await Assertions.Expect(bea.Locator("#notifications-menu")).ToHaveAttributeAsync("data-live", "true");
        await ForumSteps.ReplyAsync(admin, threadId, "Cone 04, slow.");
        await Assertions.Expect(count).ToHaveTextAsync("1");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Quoting_a_post_fills_the_reply_composer_with_the_quote_also_for_a_reply_that_arrived_live()
    {
        var admin = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(admin);
        var slug = ForumSteps.NewSlug("quote");
        var categoryId = await ForumSteps.CreateCategoryAsync(admin, $"Quotes {slug}", slug, "Say it again.");
        var threadId = await ForumSteps.StartThreadAsync(admin, categoryId, "Wax resist tips", "Keep the wax *off* the foot.");

        var reader = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(reader, errors);
        await SignUpAndSignInAsync(reader, "Quinn Quoter", Password);
        await reader.GotoAsync($"/forum/threads/{threadId}");
        await Assertions.Expect(reader.Locator("#live-state")).ToHaveTextAsync("Live");
        var composer = reader.GetByLabel("Your reply");

        await reader.GetByRole(AriaRole.Link, new() { Name = "Quote post 1 by Administrator" }).ClickAsync();

        await Assertions.Expect(composer).ToHaveValueAsync("Administrator wrote:\n> Keep the wax *off* the foot.\n\n");
        await Assertions.Expect(composer).ToBeFocusedAsync();
        reader.Url.ShouldNotContain("quote=");

        await ForumSteps.ReplyAsync(admin, threadId, "And wipe drips with a damp sponge.");
        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(2);
        await reader.GetByRole(AriaRole.Link, new() { Name = "Quote post 2 by Administrator" }).ClickAsync();
        await Assertions.Expect(composer).ToHaveValueAsync(new Regex(
            "^Administrator wrote:\n> Keep the wax \\*off\\* the foot\\.\n\nAdministrator wrote:\n> And wipe drips with a damp sponge\\.\n\n$"));
        await composer.PressAsync("End");
        await composer.PressSequentiallyAsync("Thanks, both helpful.");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(3);
        await Assertions.Expect(reader.Locator(".post").Last.Locator("blockquote")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(reader, "forum-thread-quote");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_post_a_moderator_hides_and_restores_disappears_and_comes_back_live_in_its_place_once()
    {
        var admin = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(admin);
        var slug = ForumSteps.NewSlug("restore");
        var categoryId = await ForumSteps.CreateCategoryAsync(admin, $"Restores {slug}", slug, "Second chances.");
        var threadId = await ForumSteps.StartThreadAsync(admin, categoryId, "A heated debate", "Opening post.");
        var disputed = await ForumSteps.ReplyAsync(admin, threadId, "A reply a moderator will hide, then restore.");
        await ForumSteps.ReplyAsync(admin, threadId, "A later reply.");

        var reader = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(reader, errors);
        await reader.GotoAsync($"/forum/threads/{threadId}");
        await Assertions.Expect(reader.Locator("#live-state")).ToHaveTextAsync("Live");
        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(3);
        await admin.GotoAsync($"/forum/threads/{threadId}");
        await Assertions.Expect(admin.Locator("#live-state")).ToHaveTextAsync("Live");

        (await admin.ApiPostAsync($"/api/moderation/posts/{disputed}/hide")).Status.ShouldBe(204);
        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(2);
        await Assertions.Expect(admin.Locator("#post-2 .post-hidden-badge")).ToHaveTextAsync("Hidden");

        (await admin.ApiPostAsync($"/api/moderation/posts/{disputed}/restore")).Status.ShouldBe(204);
        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(3);
        (await reader.Locator(".post").EvaluateAllAsync<int[]>("posts => posts.map(p => Number(p.dataset.seq))")).ShouldBe([1, 2, 3]);
        await Assertions.Expect(reader.Locator("#post-2")).ToContainTextAsync("hide, then restore");
        await Assertions.Expect(admin.Locator("#post-2 .post-hidden-badge")).ToHaveCountAsync(0);

        await ForumSteps.ReplyAsync(admin, threadId, "Back to normal.");
        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(4);

        // A fence for "nothing else shows up": a later reply, broadcast after everything before it down the same
        // connections; once it shows, a duplicate of an earlier post would have shown before it.
        await ForumSteps.ReplyAsync(admin, threadId, "And a later one.");
        foreach (var page in new[] { reader, admin })
        {
            await Assertions.Expect(page.Locator("#post-5")).ToContainTextAsync("And a later one.");
            (await page.Locator(".post").EvaluateAllAsync<int[]>("posts => posts.map(p => Number(p.dataset.seq))")).ShouldBe([1, 2, 3, 4, 5]);
        }

        errors.ShouldBeEmpty();
    }
}
