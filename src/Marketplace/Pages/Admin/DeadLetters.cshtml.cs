using Marketplace.Features.Accounts;
using Marketplace.Features.Messaging;
using Marketplace.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine.Runtime;

namespace Marketplace.Pages.Admin;

/// <summary>Messages that failed every retry, for admins: what failed and why, and a replay once the cause is fixed.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DeadLettersModel(IWolverineRuntime runtime) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DeadLetters.Page Letters { get; private set; } = null!;

    public int PageCount => Math.Max(1, (Letters.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct) => Letters = await DeadLetters.QueryAsync(runtime, messageType: null, PageNumber, PageSize, ct);

    public async Task<IActionResult> OnPostReplayAsync(Guid id, CancellationToken ct)
    {
        TempData.Flash(await DeadLetters.ReplayCoreAsync(id, runtime, ct)
            ? "Replaying the message; it leaves this list once it is picked up."
            : "No such dead letter.");
        return RedirectToPage(new { p = PageNumber });
    }
}
