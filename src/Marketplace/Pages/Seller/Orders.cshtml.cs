using Marketplace.Features.Accounts;
using Marketplace.Features.Sales;
using Marketplace.Features.Shops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Seller;

/// <summary>The seller's paid orders, newest first: only their own lines of each order, with their share (same read as the API).</summary>
[Authorize(Policy = Policies.Member)]
public sealed class OrdersModel(IQuerySession session) : PageModel
{
    public Shop Shop { get; private set; } = null!;

    public GetShopOrders.Response Orders { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ShopAccess.OwnedByAsync(session, Members.IdOf(User)!.Value, ct) is not { Status: not ShopStatus.Closed } shop)
        {
            return RedirectToPage("/Shops/Open");
        }

        // Read from the query itself: "page" is also the route value naming this Razor Page.
        if (GetShopOrders.PageOf(Request.Query["page"].ToString()) is not { } number)
        {
            return NotFound();
        }

        Shop = shop;
        Orders = await GetShopOrders.ReadPageAsync(session, shop.Id, number, ct);
        return Page();
    }
}
