using Marketplace.Features.Accounts;
using Marketplace.Features.Sales;
using Marketplace.Features.Shops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Seller;

/// <summary>One paid order as the seller's shop sees it: its lines, share, refunds and timeline; a 404 when it has none of the shop's lines.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class OrderModel(IQuerySession session) : PageModel
{
    public ShopOrderView Order { get; private set; } = null!;

    public Shop Shop { get; private set; } = null!;

    /// <summary>Whether the refund form has lines left to refund (a disputed order is the dispute's to settle).</summary>
    public bool CanRefund => Order.Status is not ("disputed" or "refunded");

    public async Task<IActionResult> OnGetAsync(Guid orderId, CancellationToken ct)
    {
        if (await ShopAccess.OwnedByAsync(session, Members.IdOf(User)!.Value, ct) is not { Status: not ShopStatus.Closed } shop)
        {
            return RedirectToPage("/Shops/Open");
        }

        if (await GetShopOrders.ReadAsync(session, shop.Id, orderId, ct) is not { } order)
        {
            return NotFound();
        }

        (Shop, Order) = (shop, order);
        return Page();
    }
}
