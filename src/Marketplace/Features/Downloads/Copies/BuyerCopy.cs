namespace Marketplace.Features.Downloads.Copies;

public enum CopyState
{
    /// <summary>The background job has not made it yet.</summary>
    Preparing,

    /// <summary>Watermarked and stored under <see cref="BuyerCopy.BlobKey"/>.</summary>
    Ready,

    /// <summary>Served as the seller uploaded it: a kind that carries no mark, or one the engine refused with the seller's consent.</summary>
    Unchanged,

    /// <summary>The engine refused the file and the seller did not consent to unmarked copies: nothing is served.</summary>
    Refused,
}

/// <summary>
/// A buyer's copy of one product file, per (entitlement, file), made once by <see cref="PrepareCopyHandler"/> after
/// payment and reused by every download. Written only under its lock (<see cref="CopyRequests"/>); downloads count elsewhere
/// (<c>DownloadAllowance</c>).
/// </summary>
public sealed class BuyerCopy
{
    /// <summary><see cref="IdOf"/>: the entitlement and the file.</summary>
    public string Id { get; set; } = "";

    public Guid EntitlementId { get; set; }
    public Guid FileId { get; set; }
    public Guid BuyerId { get; set; }
    public CopyState State { get; set; }

    /// <summary>The file's revision the copy was made from; a newer upload makes a new copy.</summary>
    public int SourceRevision { get; set; }

    /// <summary>The stored bytes: the copy's own blob, or the seller's file when <see cref="CopyState.Unchanged"/>.</summary>
    public string? BlobKey { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the served bytes, lowercase hex (also the download's ETag).</summary>
    public string? Sha256 { get; set; }

    /// <summary>What was marked ("stamped 300 pages"), why it is unchanged, or why it was refused, as a person reads it.</summary>
    public string? Note { get; set; }

    /// <summary>For a refusal: encrypted, damaged or unsupported.</summary>
    public string? RefusalReason { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? MadeAt { get; set; }

    public static string IdOf(Guid entitlementId, Guid fileId) => $"{entitlementId:N}.{fileId:N}";

    /// <summary>
    /// Whether the copy is made for the file as it is now: from its current revision, and not refused when the seller
    /// has since allowed unmarked copies of it.
    /// </summary>
    public bool IsDoneFor(Catalog.ProductFile file) =>
        State != CopyState.Preparing && SourceRevision == file.Revision && !(State == CopyState.Refused && file.AllowUnmarkedCopies);
}
