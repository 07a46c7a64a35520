using System.Globalization;
using Marketplace.Features.Catalog;

namespace Marketplace.Pages.Seller;

/// <summary>The editor's form: prices as people write them (4.99), tags comma-separated, link lifetimes in hours.</summary>
public sealed class ProductInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Price { get; set; }
    public string? Tags { get; set; }
    public int? DownloadLimit { get; set; }
    public int? LinkLifetimeHours { get; set; }
    public int? EditionSize { get; set; }

    public static ProductInput Of(ProductView product) => new()
    {
        Title = product.Title, Description = product.Description,
        Price = (product.Price.Amount / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        Tags = string.Join(", ", product.Tags), DownloadLimit = product.DownloadLimit,
        LinkLifetimeHours = product.LinkLifetimeMinutes / 60, EditionSize = product.EditionSize,
    };

    /// <summary>The use case's fields; null when the price is not a number.</summary>
    public ProductRules.Fields? ToFields() =>
        decimal.TryParse((Price ?? "0").Trim().TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out var price) && price < 10_000_000
            ? new ProductRules.Fields(
                Title ?? "", Description, new ProductRules.Price((long)Math.Round(price * 100), null),
                [.. (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                DownloadLimit, LinkLifetimeHours * 60, EditionSize)
            : null;
}
