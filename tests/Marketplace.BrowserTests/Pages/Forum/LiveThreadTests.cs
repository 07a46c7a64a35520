using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Forum;

[Collection(BrowserCollection.Name)]
public sealed partial class LiveThreadTests(BrowserFixture fixture)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_reply_appears_live_for_another_reader_and_their_typing_shows_for_the_author()
    {
        // A: the admin creates a category through the API (signed in with the cookie) and starts a thread on the page.
        var author = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(author, errors);
        await ForumSteps.SignInAsAdminAsync(author);
        var slug = ForumSteps.NewSlug("live");
        await ForumSteps.CreateCategoryAsync(author, $"Live talk {slug}", slug, "Questions answered while you wait.");

        await Nav(author).GetByRole(AriaRole.Link, new() { Name = "Forum" }).ClickAsync();
        await Assertions.Expect(Heading(author)).ToHaveTextAsync("Forum");
        await author.GetByRole(AriaRole.Link, new() { Name = $"Live talk {slug}" }).ClickAsync();
        await author.GetByLabel("Title").FillAsync("Which glaze for stoneware mugs?");
        await author.GetByLabel("Message").FillAsync("I fire at cone 6. **Food safe** glazes only, please.");
        await author.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(author.Locator(".preview strong")).ToHaveTextAsync("Food safe");
        await author.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(Heading(author)).ToHaveTextAsync("Which glaze for stoneware mugs?");
        await Assertions.Expect(author.Locator(".post")).ToHaveCountAsync(1);
        var threadUrl = author.Url;

        // B: a member who signed up and confirmed their address opens the same thread.
        var reader = await fixture.NewPageAsync();
        ForumSteps.CollectConsoleErrors(reader, errors);
        await SignUpAndSignInAsync(reader, "Bea Reader", Password);
        // Counts the hub connections each page opens (the init script runs in every new document, before its scripts).
        await reader.AddInitScriptAsync("""
            window.hubSockets = 0;
            window.WebSocket = class extends window.WebSocket {
              constructor(url, protocols) { super(url, protocols); if (String(url).includes("/hubs/forum")) window.hubSockets++; }
            };
            """);
        await reader.GotoAsync(threadUrl);
        await Assertions.Expect(reader.Locator("#live-state")).ToHaveTextAsync("Live");
        await Assertions.Expect(reader.Locator("#presence")).ToHaveTextAsync("2 reading");
        (await reader.EvaluateAsync<int>("window.hubSockets")).ShouldBe(1, "the thread and the notifications menu share one hub connection");

        // An empty reply is told it is empty (what was typed is checked before the posting limit counts).
        await author.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(author.GetByLabel("Your reply")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(author.Locator("#Input_Body-error")).ToHaveTextAsync("The post is empty: write something first.");

        // A replies through the form; B sees it arrive without reloading, under the "New replies" marker.
        await author.GetByLabel("Your reply").FillAsync("Try a _liner glaze_ inside and anything you like outside.");
        await author.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(author.Locator(".post")).ToHaveCountAsync(2);
        var live = reader.Locator(".post").Nth(1);
        await Assertions.Expect(live).ToContainTextAsync("liner glaze");
        await Assertions.Expect(live.Locator("em")).ToHaveTextAsync("liner glaze");
        await Assertions.Expect(live).ToHaveAttributeAsync("id", "post-2");
        await Assertions.Expect(reader.GetByRole(AriaRole.Separator, new() { Name = "New replies" })).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(2);

        // B types a reply; A (live again after the post reloaded the page) sees who is typing.
        await Assertions.Expect(author.Locator("#live-state")).ToHaveTextAsync("Live");
        await reader.GetByLabel("Your reply").PressSequentiallyAsync("Thanks, that helps");
        await Assertions.Expect(author.Locator("#typing")).ToHaveTextAsync("Bea Reader is typing…");
        await BrowserFixture.ScreenshotAsync(reader, "forum-thread-live");
        await author.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(author, "forum-thread-typing");
        await ScreenshotOnPhoneAsync(reader, "forum-thread-live-phone");

        // The typing notice goes away on its own.
        await Assertions.Expect(author.Locator("#typing")).ToHaveTextAsync("", new() { Timeout = 10_000 });

        // A moderator locks the thread: B's page says so and the reply form stops taking input, without a reload.
        var threadId = new Uri(threadUrl).Segments[^1];
        var locked = await author.ApiPostAsync($"/api/moderation/threads/{threadId}/lock");
        locked.Status.ShouldBe(204, await locked.TextAsync());
        await Assertions.Expect(reader.GetByText("This thread is locked")).ToBeVisibleAsync();
        await Assertions.Expect(reader.GetByLabel("Your reply")).ToBeDisabledAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Post reply" })).ToBeDisabledAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Separator, new() { Name = "New replies" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(reader, "forum-thread-locked");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_visitor_reads_a_thread_live_with_its_markup_sanitized_and_is_asked_to_sign_in_to_reply()
    {
        var admin = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(admin);
        var slug = ForumSteps.NewSlug("read");
        var categoryId = await ForumSteps.CreateCategoryAsync(admin, $"Reading room {slug}", slug, "Everyone may read.");
        var threadId = await ForumSteps.StartThreadAsync(
            admin, categoryId, "Kiln logs, shared", "Hello <script>alert(1)</script> [click](javascript:alert(1)) and *welcome*.");

        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(page, errors);
        await page.GotoAsync("/forum");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Forum");
        await BrowserFixture.ScreenshotAsync(page, "forum-index");
        await ScreenshotOnPhoneAsync(page, "forum-index-phone");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Reading room {slug}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).Last).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "forum-category");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kiln logs, shared" }).ClickAsync();

        await Assertions.Expect(page.Locator("#live-state")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.Locator("#presence")).ToHaveTextAsync("1 reading");
        await Assertions.Expect(page.Locator(".post-body em")).ToHaveTextAsync("welcome");
        await Assertions.Expect(page.Locator(".post-body script")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".post-body a[href^='javascript']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Your reply")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("to reply.")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/forum/threads/{threadId}$"));
        await ScreenshotOnPhoneAsync(page, "forum-thread-visitor-phone");

        errors.ShouldBeEmpty();

        (await page.GotoAsync($"/forum/threads/{Guid.NewGuid()}"))!.Status.ShouldBe(404);
        (await page.GotoAsync("/forum/no-such-category"))!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task A_member_who_opened_a_locked_thread_gets_the_reply_box_when_a_moderator_unlocks_it_without_a_reload()
    {
        var admin = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(admin);
        var slug = ForumSteps.NewSlug("unlock");
        var categoryId = await ForumSteps.CreateCategoryAsync(admin, $"Opening hours {slug}", slug, "Closed for now.");
        var threadId = await ForumSteps.StartThreadAsync(admin, categoryId, "Opening soon", "Replies open at noon.");
        (await admin.ApiPostAsync($"/api/moderation/threads/{threadId}/lock")).Status.ShouldBe(204);

        var member = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(member, errors);
        await SignUpAndSignInAsync(member, "Una Waiting", Password);
        await member.GotoAsync($"/forum/threads/{threadId}");
        await Assertions.Expect(member.Locator("#live-state")).ToHaveTextAsync("Live");
        await Assertions.Expect(member.GetByText("This thread is locked")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByLabel("Your reply")).ToBeHiddenAsync();
        // Times read as people say them, with the exact time in the reader's zone on hover.
        var opened = member.Locator("#post-1 time");
        await Assertions.Expect(opened).ToHaveTextAsync(new Regex("^(just now|\\d+ minutes? ago|1 minute ago)$"));
        await Assertions.Expect(opened).ToHaveAttributeAsync("title", new Regex(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        (await admin.ApiPostAsync($"/api/moderation/threads/{threadId}/unlock")).Status.ShouldBe(204);

        var composer = member.GetByLabel("Your reply");
        await Assertions.Expect(composer).ToBeVisibleAsync();
        await Assertions.Expect(composer).ToBeEnabledAsync();
        await Assertions.Expect(member.GetByText("This thread is locked")).ToBeHiddenAsync();
        await composer.FillAsync("Glad it is open now.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(member.Locator(".post")).ToHaveCountAsync(2);
        await Assertions.Expect(member.Locator("#post-2")).ToContainTextAsync("Glad it is open now.");
        errors.ShouldBeEmpty();
    }
}
