using Marketplace.Features.Email;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Dev;

/// <summary>The dev outbox: mail the app kept instead of sending, for trying sign-up and password flows locally.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class OutboxModel(IQuerySession session, IHostEnvironment environment) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public IReadOnlyList<DevOutboxMail> Mails { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Mails = await GetDevOutbox.LoadAsync(session, To, ct);
        return Page();
    }

    /// <summary>Only web and relative links become anchors; anything else (a <c>javascript:</c> URL) is shown as text.</summary>
    public static bool IsFollowable(string link) =>
        Uri.TryCreate(link, UriKind.RelativeOrAbsolute, out var uri) &&
        (!uri.IsAbsoluteUri ? !link.StartsWith("//", StringComparison.Ordinal) : uri.Scheme is "http" or "https");
}
