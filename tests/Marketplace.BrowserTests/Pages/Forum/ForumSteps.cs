using System.Text.Json;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Forum;

/// <summary>Setting up forum data the way an admin would: signed in, through the API with the page's cookie.</summary>
public static partial class ForumSteps
{
    public static async Task SignInAsAdminAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await SignInAsync(page, BrowserFixture.AdminEmail, BrowserFixture.AdminPassword);
        await Assertions.Expect(Nav(page).GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Creates a category (the page must be signed in as an admin); returns its id.</summary>
    public static async Task<string> CreateCategoryAsync(IPage page, string name, string slug, string description)
    {
        var response = await page.ApiPostAsync("/api/forum/categories", new()
        {
            DataObject = new { name, slug, description, position = 1, readOnly = false },
        });
        response.Status.ShouldBe(201, await response.TextAsync());
        return await PropertyAsync(response, "id");
    }

    /// <summary>Starts a thread (the page must be signed in); returns its id.</summary>
    public static async Task<string> StartThreadAsync(IPage page, string categoryId, string title, string body)
    {
        var response = await page.ApiPostAsync($"/api/forum/categories/{categoryId}/threads", new() { DataObject = new { title, body } });
        response.Status.ShouldBe(201, await response.TextAsync());
        return await PropertyAsync(response, "threadId");
    }

    /// <summary>Replies (the page must be signed in); returns the new post's id.</summary>
    public static async Task<string> ReplyAsync(IPage page, string threadId, string body)
    {
        var response = await page.ApiPostAsync($"/api/forum/threads/{threadId}/posts", new() { DataObject = new { body } });
        response.Status.ShouldBe(201, await response.TextAsync());
        return await PropertyAsync(response, "postId");
    }

    public static async Task EditAsync(IPage page, string postId, string body)
    {
        var response = await page.ApiPutAsync($"/api/forum/posts/{postId}", new() { DataObject = new { body } });
        response.Status.ShouldBe(200, await response.TextAsync());
    }

    public static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..16];

    private static async Task<string> PropertyAsync(IAPIResponse response, string name)
    {
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty(name).GetString()!;
    }

    /// <summary>A content-security-policy violation (an inline script or style) shows up as a console error.</summary>
    public static void CollectConsoleErrors(IPage page, List<string> errors) =>
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IgnoredConsoleError().IsMatch(message.Text))
            {
                errors.Add(message.Text);
            }
        };

    /// <summary>A page that navigates away closes its hub connection, which SignalR may log.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("WebSocket closed|connection being closed", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex IgnoredConsoleError();
}
