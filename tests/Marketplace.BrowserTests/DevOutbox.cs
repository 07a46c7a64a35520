using System.Text.Json;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>Reads mail from the app's dev outbox (<c>GET /api/dev/outbox</c>), the way a person opens their inbox.</summary>
public static class DevOutbox
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The newest link to <paramref name="path"/> in mail to <paramref name="to"/>; mail leaves through a queue, so this waits.</summary>
    public static async Task<string> WaitForLinkAsync(IPage page, string to, string path)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var response = await page.APIRequest.GetAsync($"/api/dev/outbox?to={Uri.EscapeDataString(to)}");
            response.Status.ShouldBe(200);
            using var mails = JsonDocument.Parse(await response.TextAsync());
            var link = mails.RootElement.EnumerateArray()
                .SelectMany(mail => mail.GetProperty("links").EnumerateArray())
                .Select(element => element.GetString())
                .FirstOrDefault(candidate => Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.AbsolutePath == path);
            if (link is not null)
            {
                return link;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail to {to} with a link to {path} arrived within {Timeout.TotalSeconds} s.");
            }

            await Task.Delay(250);
        }
    }
}
