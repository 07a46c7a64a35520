using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Moderation;

/// <summary>
/// The trace tool: a moderator, or a seller for their own shop's products, uploads a suspected leak and reads which order
/// it was made for. The form posts the file to <c>POST /api/forensics/trace</c> (trace.js) and shows the answer in words.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class TraceModel(IQuerySession session) : PageModel
{
    public bool IsModerator { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsModerator = User.IsInRole(Roles.Moderator) || User.IsInRole(Roles.Admin);
        if (!IsModerator && await ShopAccess.OwnedByAsync(session, Members.IdOf(User)!.Value, ct) is null)
        {
            return Forbid();
        }

        return Page();
    }
}
