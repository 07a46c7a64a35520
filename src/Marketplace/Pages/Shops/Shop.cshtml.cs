using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Shops;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Marketplace.Pages.Shops;

/// <summary>A shop's public page.</summary>
public sealed class ShopModel(IQuerySession session, NpgsqlDataSource database) : PageModel
{
    public const int Shown = 48;

    public Shop Shop { get; private set; } = null!;
    public IReadOnlyList<ProductCard> Products { get; private set; } = [];
    public long ProductTotal { get; private set; }
    public bool MoreProducts => ProductTotal > Products.Count;

    public bool Manages => Shop.OwnerId == Members.IdOf(User) || Members.IsAdmin(User);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await GetShop.FindAsync(session, slug, ct) is not { } shop)
        {
            return NotFound();
        }

        Shop = shop;
        var page = await SearchProducts.RunAsync(database, new SearchProducts.Query(Shop: shop.Id.ToString(), Sort: "newest", PageSize: Shown), ct);
        Products = Storefront.Cards(page);
        ProductTotal = page.Total;
        return Page();
    }
}
