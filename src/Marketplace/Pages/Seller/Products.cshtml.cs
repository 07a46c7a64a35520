using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Seller;

/// <summary>The seller's products, whatever their status.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class ProductsModel(IQuerySession session) : PageModel
{
    public Shop Shop { get; private set; } = null!;
    public IReadOnlyList<ProductView> Products { get; private set; } = [];
    public bool CanPublish { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ShopAccess.OwnedByAsync(session, Members.IdOf(User)!.Value, ct) is not { Status: not ShopStatus.Closed } shop)
        {
            return RedirectToPage("/Shops/Open");
        }

        Shop = shop;
        CanPublish = ShopPublishing.Allowed(shop, await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct));
        Products = await ListShopProducts.ForSellerAsync(session, shop, ct);
        return Page();
    }
}
