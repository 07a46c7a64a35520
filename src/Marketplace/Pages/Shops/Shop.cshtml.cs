using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Shops;

/// <summary>A shop's public page.</summary>
public sealed class ShopModel(IQuerySession session) : PageModel
{
    public Shop Shop { get; private set; } = null!;

    public bool Manages => Shop.OwnerId == Members.IdOf(User) || Members.IsAdmin(User);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await GetShop.FindAsync(session, slug, ct) is not { } shop)
        {
            return NotFound();
        }

        Shop = shop;
        return Page();
    }
}
