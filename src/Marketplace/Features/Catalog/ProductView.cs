using System.Text.Json.Serialization;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Payments;

namespace Marketplace.Features.Catalog;

/// <summary>
/// A product as the API shows it. Visitors get the stored listing of a published product, serialized once when it
/// changed; its seller also gets <see cref="Seller"/>, what only they need to manage it.
/// </summary>
public sealed record ProductView(
    Guid Id, string Slug, string Title, string Description, string DescriptionHtml, Money Price, IReadOnlyList<string> Tags,
    string Status, ProductView.ShopRef Shop, ProductView.CoverView? Cover, IReadOnlyList<ProductView.FileView> Files,
    int? EditionSize, int? DownloadLimit, int? LinkLifetimeMinutes, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
    string Url, string ThreadUrl)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SellerDetails? Seller { get; init; }

    public sealed record ShopRef(Guid Id, string Slug, string Name, string? LogoUrl);

    /// <summary>Two WebP renderings of the cover: a card (480×360) and the product page's (1200×900).</summary>
    public sealed record CoverView(string Small, string Large);

    public sealed record FileView(Guid Id, string Name, long Size, string ContentType, string Kind);

    /// <summary>
    /// For the seller: what stands between the product and the catalog, what the upload checks said, and its review
    /// (awaiting one, or why it was rejected; <see cref="ReviewNoteOf"/>).
    /// </summary>
    public sealed record SellerDetails(IReadOnlyList<string> MissingToPublish, IReadOnlyList<SellerFileView> Files, string? Review = null);

    public sealed record SellerFileView(
        Guid Id, string Name, long Size, string Sha256, int Revision, IReadOnlyList<string> Warnings, DateTimeOffset UploadedAt, bool AllowUnmarkedCopies);

    public static ProductView Of(Product product, Shop shop) => new(
        product.Id, product.Slug, product.Title, product.Description, product.DescriptionHtml,
        new Money(product.PriceAmount, product.Currency), product.Tags, StatusOf(product.Status),
        new ShopRef(shop.Id, shop.Slug, shop.Name, ShopView.LogoUrlOf(shop)), CoverOf(product),
        [.. product.Files.Select(f => new FileView(f.Id, f.Name, f.Size, f.ContentType, f.Kind))],
        product.EditionSize, product.DownloadLimit, product.LinkLifetimeMinutes, product.PublishedAt, product.UpdatedAt,
        UrlOf(product), $"/forum/threads/{product.Id}");

    /// <summary>The view with the seller's part: what is missing to publish (<see cref="ProductPublishing"/>) and the file checks.</summary>
    public static ProductView ForSeller(Product product, Shop shop, IReadOnlyList<string> missingToPublish) => Of(product, shop) with
    {
        Seller = new SellerDetails(missingToPublish,
            [.. product.Files.Select(f => new SellerFileView(f.Id, f.Name, f.Size, f.Sha256, f.Revision, f.Warnings, f.UploadedAt, f.AllowUnmarkedCopies))],
            ReviewNoteOf(product)),
    };

    public static string StatusOf(ProductStatus status) => status == ProductStatus.AwaitingReview ? "awaiting-review" : status.ToString().ToLowerInvariant();

    /// <summary>What the seller is told about the product's review: that it waits for one, or why it was rejected.</summary>
    public static string? ReviewNoteOf(Product product) => product switch
    {
        { Status: ProductStatus.AwaitingReview } =>
            "Awaiting review: a moderator approves a new shop's first products before they enter the catalog. You will get a mail either way.",
        { Review: { DecidedAt: not null, Approved: false, Reason: var reason }, Status: not ProductStatus.Published } =>
            $"A moderator did not approve this product: {reason} Change it and publish it again for another review.",
        _ => null,
    };

    public static string UrlOf(Product product) => $"/products/{product.Id}/{product.Slug}";

    public static CoverView? CoverOf(Product product) => product.CoverVersion is { } version
        ? new CoverView($"/api/products/{product.Id}/cover/small?v={version}", $"/api/products/{product.Id}/cover/large?v={version}")
        : null;
}

/// <summary>A product in a list (search results, a shop's page, the storefront): what a card shows.</summary>
public sealed record ProductCard(
    Guid Id, string Title, Money Price, IReadOnlyList<string> Tags, ProductView.ShopRef Shop, ProductView.CoverView? Cover,
    int? EditionSize, DateTimeOffset? PublishedAt, string Url)
{
    public static ProductCard Of(ProductView view) =>
        new(view.Id, view.Title, view.Price, view.Tags, view.Shop, view.Cover, view.EditionSize, view.PublishedAt, view.Url);
}
