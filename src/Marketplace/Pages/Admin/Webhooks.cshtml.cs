using Marketplace.Features.Accounts;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Admin;

/// <summary>Received Stripe events for admins: what happened to each, and a replay for the ones that failed.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class WebhooksModel(IDocumentSession session, StripeEventQueue queue) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public StripeEventStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public WebhookEventsAdmin.Page Events { get; private set; } = null!;

    public int PageCount => (int)Math.Max(1, (Events.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct) =>
        Events = await WebhookEventsAdmin.QueryAsync(session, Status, type: null, PageNumber, PageSize, ct);

    public async Task<IActionResult> OnPostReplayAsync(string eventId, CancellationToken ct)
    {
        var record = await WebhookEventsAdmin.ReplayCoreAsync(eventId, session, queue, ct);
        TempData.Flash(record is null ? "No such event." : $"Replaying {record.Type} ({record.Id}); refresh in a moment to see the outcome.");
        return RedirectToPage(new { Status, p = PageNumber });
    }
}
