namespace Marketplace.Infrastructure.Storage;

/// <summary>
/// Where uploaded files live: a folder on disk (<see cref="DiskBlobStore"/>) or an S3 bucket (<see cref="S3BlobStore"/>),
/// chosen by <c>Storage:Provider</c>. Content is streamed both ways, never held whole in memory. Keys are made by the
/// server and checked by <see cref="BlobKeys"/>: every method refuses any other with an <see cref="ArgumentException"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Stores <paramref name="content"/> (read once, to its end; it need not be seekable) under <paramref name="key"/>,
    /// replacing what was there. Atomic: readers see the previous blob or the whole new one, never part of it, and a put
    /// that fails or is cancelled leaves nothing behind (the previous blob, if any, stays).
    /// </summary>
    Task<StoredBlob> PutAsync(string key, Stream content, string contentType, CancellationToken ct);

    /// <summary>The blob's bytes from the start, or null when there is no such blob. The caller disposes the stream.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>
    /// The bytes from offset <paramref name="from"/> to offset <paramref name="to"/> (inclusive, as in an HTTP Range;
    /// null or past the end: to the end), or null when there is no such blob. A range starting at or past the end is
    /// an empty stream: check it against <see cref="StatAsync"/> to answer 416.
    /// </summary>
    Task<Stream?> OpenReadAsync(string key, long from, long? to, CancellationToken ct);

    /// <summary>The blob's size, content type and time, or null when there is no such blob.</summary>
    Task<StoredBlob?> StatAsync(string key, CancellationToken ct);

    /// <summary>Removes the blob; removing one that does not exist is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>
    /// The file holding the blob's bytes, for sending from disk (<c>DiskRangeSender</c>) (whether or not it exists yet), when the store is a
    /// folder on this machine; null otherwise.
    /// </summary>
    string? LocalPath(string key);

    /// <summary>
    /// A URL that lets anyone holding it GET the blob for <paramref name="lifetime"/> (at most seven days), answered
    /// with <c>Content-Disposition: attachment</c> naming <paramref name="downloadName"/> (RFC 6266) and
    /// <paramref name="contentType"/>, when the store can sign one (S3); null otherwise (serve the bytes yourself).
    /// </summary>
    Task<Uri?> PresignReadAsync(string key, TimeSpan lifetime, string downloadName, string contentType);

    /// <summary>
    /// Null when the store can take and give files now; otherwise why not (the folder cannot be written, the bucket
    /// cannot be reached or listed), for the readiness check.
    /// </summary>
    Task<string?> ProblemAsync(CancellationToken ct);
}
