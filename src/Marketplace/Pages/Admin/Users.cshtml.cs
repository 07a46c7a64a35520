using Marketplace.Features.Accounts;
using Marketplace.Features.Accounts.Admin;
using Marketplace.Features.Moderation.Trust;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Admin;

/// <summary>Accounts for admins: search, page through, grant and revoke the moderator role; each account's trust level.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(IQuerySession session, TimeProvider clock, UserManager<UserAccount> users) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The page number (<c>p</c>: Razor Pages keeps <c>page</c> for itself).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListUsers.Response Users { get; private set; } = null!;

    public int PageCount => (int)Math.Max(1, (Users.Total + PageSize - 1) / PageSize);

    /// <summary>The trust level of each listed account that has one (none: 0, new).</summary>
    public IReadOnlyDictionary<Guid, int> TrustByUser { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await ListUsers.HandleAsync(session, clock, Query, PageNumber, PageSize, ct);
        TrustByUser = (await session.LoadManyAsync<MemberTrust>(ct, Users.Items.Select(u => u.Id))).ToDictionary(t => t.Id, t => t.Level);
    }

    public Task<IActionResult> OnPostGrantAsync(Guid userId) => ChangeModeratorAsync(userId, grant: true);

    public Task<IActionResult> OnPostRevokeAsync(Guid userId) => ChangeModeratorAsync(userId, grant: false);

    private async Task<IActionResult> ChangeModeratorAsync(Guid userId, bool grant)
    {
        var result = await ModeratorRole.ExecuteAsync(userId, users, grant);
        var name = (await users.FindByIdAsync(userId.ToString()))?.DisplayName;
        TempData.Flash(result switch
        {
            null => "That account no longer exists.",
            { Succeeded: false } => $"Could not change the role: {string.Join(" ", result.Errors.Select(e => e.Description))}",
            _ when grant => $"{name} is now a moderator. The role applies from their next sign-in.",
            _ => $"{name} is no longer a moderator.",
        });
        return RedirectToPage(new { q = Query, p = PageNumber });
    }
}
