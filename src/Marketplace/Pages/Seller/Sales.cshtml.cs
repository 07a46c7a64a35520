using Marketplace.Features.Accounts;
using Marketplace.Features.Sales;
using Marketplace.Features.Shops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Seller;

/// <summary>The seller's sales: a chart of daily net revenue and the same numbers as a table, for a range of UTC days.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class SalesModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public Shop Shop { get; private set; } = null!;

    public GetShopSales.Response? Sales { get; private set; }

    public SalesChart? Chart { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ShopAccess.OwnedByAsync(session, Members.IdOf(User)!.Value, ct) is not { Status: not ShopStatus.Closed } shop)
        {
            return RedirectToPage("/Shops/Open");
        }

        Shop = shop;
        var (range, errors) = GetShopSales.RangeOf(From, To, clock);
        if (range is { } r)
        {
            Sales = await GetShopSales.ReadAsync(session, shop.Id, r.From, r.To, ct);
            Chart = SalesChart.Of(Sales);
        }
        else
        {
            Errors = errors!;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
