namespace Marketplace.Features.Catalog;

/// <summary>Catalog settings (section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>
    /// The one currency of every price: a buyer pays for a cart of several shops with one charge, and Stripe charges
    /// in one currency.
    /// </summary>
    public string Currency { get; set; } = "usd";
}
