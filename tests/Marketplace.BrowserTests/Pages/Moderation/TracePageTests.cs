using System.IO.Compression;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.Moderation;

[Collection(BrowserCollection.Name)]
public sealed class TracePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_opens_the_trace_page_from_the_menu_uploads_a_clean_file_and_is_told_in_words_that_no_mark_was_found()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await SignInAsync(page, BrowserFixture.AdminEmail, BrowserFixture.AdminPassword);

        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Trace a leak" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Trace a leaked file");
        var found = new FilePayload { Name = "found.zip", MimeType = "application/zip", Buffer = CleanZip() };
        await page.GetByLabel("The suspected copy").SetInputFilesAsync(found);
        await page.GetByRole(AriaRole.Button, new() { Name = "Trace" }).ClickAsync();

        var result = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "No mark found" });
        await Assertions.Expect(result).ToBeVisibleAsync();
        await Assertions.Expect(result).ToContainTextAsync("No mark found:");
    }

    private static byte[] CleanZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("Nothing marked here.");
        }

        return buffer.ToArray();
    }
}
