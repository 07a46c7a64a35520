using System.Globalization;
using Marketplace.Features.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Marketplace.Pages.Catalog;

/// <summary>The catalog: search, filters, sort and pages over what is for sale. Prices are typed as people write them (4.99).</summary>
public sealed class IndexModel(NpgsqlDataSource database) : PageModel
{
    public const int PageSize = 24;

    public IReadOnlyList<(string Value, string Label)> Sorts { get; } =
        [("", "Best match"), ("newest", "Newest"), ("price", "Price, low to high"), ("price-desc", "Price, high to low")];

    [FromQuery] public string? Q { get; set; }
    [FromQuery] public string? Tag { get; set; }
    [FromQuery] public string? Min { get; set; }
    [FromQuery] public string? Max { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery] public bool Free { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public SearchProducts.Page Results { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<ProductCard> Cards { get; private set; } = [];
    public long Pages => (Results.Total + PageSize - 1) / PageSize;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = new SearchProducts.Query(Q, null, Tag, MinorUnits(Min), MinorUnits(Max), Free ? true : null, Sort, PageNumber, PageSize);
        Results = await SearchProducts.RunAsync(database, query, ct);
        Cards = Storefront.Cards(Results);
    }

    public string PageUrl(int page)
    {
        var query = Request.Query.Where(p => p.Key != "page").ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/products", query);
    }

    /// <summary>"4.99" → 499; anything that is not a price is no filter.</summary>
    public static long? MinorUnits(string? price) =>
        decimal.TryParse(price, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value is >= 0 and < 1_000_000
            ? (long)Math.Round(value * 100)
            : null;
}
