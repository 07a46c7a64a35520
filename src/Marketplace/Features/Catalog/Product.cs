namespace Marketplace.Features.Catalog;

public enum ProductStatus
{
    Draft,
    Published,
    Unpublished,

    /// <summary>Published by a new shop, held out of the catalog until a moderator approves it (docs/moderation.md#first-products).</summary>
    AwaitingReview,
}

/// <summary>
/// A digital product of a shop: what the seller edits. Visitors never read this document; they read its listing
/// (<see cref="CatalogListings"/>), written in the same transaction whenever the product is published or changes while
/// it is.
/// </summary>
public sealed class Product
{
    public Guid Id { get; set; }
    public Guid ShopId { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";

    /// <summary>Markdown, as the seller wrote it; <see cref="DescriptionHtml"/> is its sanitized rendering.</summary>
    public string Description { get; set; } = "";

    public string DescriptionHtml { get; set; } = "";

    /// <summary>In minor units of <see cref="Currency"/>; 0 is a free download.</summary>
    public long PriceAmount { get; set; }

    public string Currency { get; set; } = "usd";
    public List<string> Tags { get; set; } = [];
    public ProductStatus Status { get; set; }

    /// <summary>How many completed downloads each file allows per purchase; null: the marketplace's default.</summary>
    public int? DownloadLimit { get; set; }

    /// <summary>How long a download link lives, in minutes; null: the marketplace's default.</summary>
    public int? LinkLifetimeMinutes { get; set; }

    /// <summary>A limited edition's size ("edition of 100"); null: unlimited. Orders reserve and count the copies.</summary>
    public int? EditionSize { get; set; }

    /// <summary>The files a buyer gets, in the seller's order.</summary>
    public List<ProductFile> Files { get; set; } = [];

    /// <summary>Changes whenever the cover does, so its URLs can be cached forever; null: no cover.</summary>
    public string? CoverVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the product was first published; it keeps its place among the newest when republished.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Set while a moderator has taken the product down: it is unpublished and cannot be published again.</summary>
    public ProductTakedown? Takedown { get; set; }

    /// <summary>The latest moderator review of the product, while it awaits one or once decided; null: never reviewed.</summary>
    public ProductReview? Review { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }
}

/// <summary>A moderator's review of a new shop's product: pending until <see cref="DecidedAt"/>; a rejection says why.</summary>
public sealed record ProductReview(DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt = null, bool Approved = false, string? Reason = null);

/// <summary>
/// A moderator's takedown. Buyers keep their downloads unless <see cref="Malware"/>: then no copy is served again.
/// </summary>
public sealed record ProductTakedown(DateTimeOffset At, Guid By, string Reason, bool Malware);

/// <summary>
/// One downloadable file of a product. The bytes are in the blob store under <see cref="BlobKey"/>, a name we made;
/// <see cref="Name"/> is the seller's file name, for display and for the buyer's <c>Content-Disposition</c>.
/// </summary>
public sealed class ProductFile
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public long Size { get; set; }
    public string ContentType { get; set; } = "";

    /// <summary>What the file is, by its content (pdf, zip, png…).</summary>
    public string Kind { get; set; } = "";

    /// <summary>SHA-256 of the bytes, lowercase hex.</summary>
    public string Sha256 { get; set; } = "";

    public string BlobKey { get; set; } = "";

    /// <summary>1 for the first upload; each replacement adds one. Buyers get the newest.</summary>
    public int Revision { get; set; } = 1;

    /// <summary>What the seller was told at upload (an encrypted PDF cannot be stamped, say).</summary>
    public List<string> Warnings { get; set; } = [];

    /// <summary>
    /// The seller's consent: when the watermark engine refuses the file (an encrypted or damaged PDF, a ZIP64 archive),
    /// buyers get it unmarked. Without it (the default) such a file is not served (docs/downloads.md#buyers-copies).
    /// </summary>
    public bool AllowUnmarkedCopies { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
