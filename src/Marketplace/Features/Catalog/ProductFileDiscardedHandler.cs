using Marketplace.Infrastructure.Storage;

namespace Marketplace.Features.Catalog;

/// <summary>
/// Deletes the bytes of a replaced or removed file. It runs only once the change that dropped them committed (the
/// message is in its outbox), so a rolled-back change never loses a file; deleting twice is harmless.
/// </summary>
public static class ProductFileDiscardedHandler
{
    public static Task HandleAsync(ProductFileDiscarded discarded, IBlobStore blobs, CancellationToken ct) =>
        blobs.DeleteAsync(discarded.BlobKey, ct);
}
