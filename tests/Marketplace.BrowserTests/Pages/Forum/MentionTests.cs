using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Forum;

[Collection(BrowserCollection.Name)]
public sealed class MentionTests(BrowserFixture fixture)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_mention_typed_with_the_keyboard_autocompletes_the_handle_links_to_the_member_and_notifies_them_live_and_by_mail()
    {
        var admin = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(admin);
        var slug = ForumSteps.NewSlug("handles");
        var categoryId = await ForumSteps.CreateCategoryAsync(admin, $"Handles {slug}", slug, "Say hello.");
        var threadId = await ForumSteps.StartThreadAsync(admin, categoryId, "Introduce yourself", "Who is new here?");

        var suffix = Guid.NewGuid().ToString("N")[..6];
        var nora = await fixture.NewPageAsync();
        var noraEmail = await SignUpAndSignInAsync(nora, $"Nora Newbie {suffix}", Password);
        await nora.GotoAsync("/forum");
        await Assertions.Expect(nora.Locator("#notifications-menu")).ToHaveAttributeAsync("data-live", "true");

        var writer = await fixture.NewPageAsync();
        var errors = new List<string>();
        ForumSteps.CollectConsoleErrors(writer, errors);
        await SignUpAndSignInAsync(writer, $"Wren Writer {suffix}", Password);
        await writer.GotoAsync($"/forum/threads/{threadId}");
        var composer = writer.GetByRole(AriaRole.Combobox, new() { Name = "Your reply" });
        await composer.PressSequentiallyAsync($"Welcome @noranewbie{suffix[..3]}");

        var options = writer.GetByRole(AriaRole.Listbox, new() { Name = "Members to mention" }).GetByRole(AriaRole.Option);
        await Assertions.Expect(options).ToHaveCountAsync(1);
        await Assertions.Expect(options.First).ToContainTextAsync($"@NoraNewbie{suffix}");
        await Assertions.Expect(composer).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(composer).ToHaveAttributeAsync("aria-activedescendant", (await options.First.GetAttributeAsync("id"))!);
        await Assertions.Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await BrowserFixture.ScreenshotAsync(writer, "forum-mention-autocomplete");
        await ScreenshotInDarkAsync(writer, "forum-mention-autocomplete-dark");
        await ScreenshotOnPhoneAsync(writer, "forum-mention-autocomplete-phone");
        await composer.PressAsync("Enter");
        await Assertions.Expect(composer).ToHaveValueAsync($"Welcome @NoraNewbie{suffix} ");
        await Assertions.Expect(composer).ToHaveAttributeAsync("aria-expanded", "false");
        await composer.PressSequentiallyAsync("and @nobody_by_this_name!");
        await composer.PressAsync("Escape");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        var reply = writer.Locator("#post-2");
        await Assertions.Expect(reply.GetByRole(AriaRole.Link, new() { Name = $"@NoraNewbie{suffix}" }))
            .ToHaveAttributeAsync("href", $"/members/NoraNewbie{suffix}");
        await Assertions.Expect(reply).ToContainTextAsync("and @nobody_by_this_name!");
        await Assertions.Expect(reply.Locator(".post-body").GetByRole(AriaRole.Link)).ToHaveCountAsync(1);

        await Assertions.Expect(nora.Locator("#notification-count")).ToHaveTextAsync("1");
        await nora.Locator(".notifications-toggle").ClickAsync();
        var latest = nora.GetByRole(AriaRole.List, new() { Name = "Latest notifications" }).GetByRole(AriaRole.Listitem).First;
        await Assertions.Expect(latest).ToContainTextAsync($"Wren Writer {suffix} mentioned you in Introduce yourself");
        (await DevOutbox.WaitForLinkAsync(nora, noraEmail, $"/forum/threads/{threadId}")).ShouldNotBeNull();

        await writer.GetByRole(AriaRole.Link, new() { Name = $"@NoraNewbie{suffix}" }).ClickAsync();
        await Assertions.Expect(Heading(writer)).ToHaveTextAsync($"Nora Newbie {suffix}");
        await Assertions.Expect(writer.GetByRole(AriaRole.Main)).ToContainTextAsync($"@NoraNewbie{suffix}");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_changes_their_handle_on_the_account_page_and_a_taken_one_is_explained_at_the_field()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = await fixture.NewPageAsync();
        await SignUpAndSignInAsync(first, $"Hana Handle {suffix}", Password);
        await first.GotoAsync("/account");
        var field = first.GetByLabel("Handle", new() { Exact = true });
        await Assertions.Expect(field).ToHaveValueAsync($"HanaHandle{suffix}");
        await field.FillAsync($"hana_{suffix}");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save handle" }).ClickAsync();
        await Assertions.Expect(first.GetByText($"Others now mention you as @hana_{suffix}.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(first, "account-handle");

        var second = await fixture.NewPageAsync();
        await SignUpAndSignInAsync(second, $"Other Person {suffix}", Password);
        await second.GotoAsync("/account");
        var taken = second.GetByLabel("Handle", new() { Exact = true });
        await taken.FillAsync($"HANA_{suffix}");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save handle" }).ClickAsync();
        await Assertions.Expect(second.GetByText("Another member already uses this handle. Choose another.")).ToBeVisibleAsync();
        await Assertions.Expect(taken).ToHaveValueAsync($"HANA_{suffix}");
        await Assertions.Expect(taken).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.ScreenshotAsync(second, "account-handle-taken");
        await ScreenshotInDarkAsync(second, "account-handle-taken-dark");
        await ScreenshotOnPhoneAsync(second, "account-handle-taken-phone");

        // The summary at the top links to the field: following the link puts the cursor in it.
        var summaryLink = second.Locator("#error-summary").GetByRole(AriaRole.Link, new() { Name = "handle" });
        await Assertions.Expect(second.Locator("#error-summary")).ToContainTextAsync("Check this field:");
        await summaryLink.ClickAsync();
        await Assertions.Expect(taken).ToBeFocusedAsync();
    }

    private static async Task ScreenshotInDarkAsync(IPage page, string name)
    {
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await BrowserFixture.ScreenshotAsync(page, name);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }
}
