using System.Security.Cryptography;
using Marketplace.Features.Catalog;
using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Infrastructure.Files;
using Marketplace.Infrastructure.Storage;

namespace Marketplace.Features.Downloads.Copies;

/// <summary>
/// Makes one buyer's copy of a product file with <see cref="Watermarks"/> and stores it. A kind that carries no mark is
/// not copied at all: the seller's file is served as it is. A file the engine refuses (an encrypted or damaged PDF, a
/// ZIP64 archive) is served unmarked only if the seller allowed it on that file (<see cref="ProductFile.AllowUnmarkedCopies"/>).
/// </summary>
public sealed class CopyMaker(Watermarks watermarks, IBlobStore blobs)
{
    /// <summary>What the copy became: its state, and for a stored copy its key, size and hash.</summary>
    public sealed record Made(CopyState State, string? BlobKey, long Size, string? Sha256, string? Note, string? RefusalReason);

    /// <summary>Where buyers' copies are stored; an unchanged copy points at the seller's file instead, which is never the copy's to delete.</summary>
    public const string KeyPrefix = "copies/";

    public static string KeyOf(Guid entitlementId, ProductFile file) =>
        $"{KeyPrefix}{entitlementId:N}/{file.Id:N}-r{file.Revision}{Path.GetExtension(file.BlobKey)}".ToLowerInvariant();

    public async Task<Made> MakeAsync(Guid entitlementId, ProductFile file, LicenseMark mark, CancellationToken ct)
    {
        if (!Enum.TryParse<FileKind>(file.Kind, ignoreCase: true, out var kind) || !watermarks.Marks(kind))
        {
            return AsUploaded(file, $"{file.Kind.ToUpperInvariant()} files carry no mark: served as uploaded.");
        }

        await using var source = await blobs.OpenReadAsync(file.BlobKey, ct)
            ?? throw new InvalidOperationException($"The product file {file.Id} has no bytes under {file.BlobKey}.");
        await using var copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        var result = await watermarks.WatermarkAsync(source, kind, mark, copy, ct);
        switch (result)
        {
            case WatermarkResult.Marked marked:
                copy.Position = 0;
                var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, ct));
                copy.Position = 0;
                var key = KeyOf(entitlementId, file);
                var stored = await blobs.PutAsync(key, copy, file.ContentType, ct);
                return new Made(CopyState.Ready, key, stored.Size, sha256, marked.What, null);
            case WatermarkResult.Refused refused when file.AllowUnmarkedCopies:
                return AsUploaded(file, $"{refused.Message}: served as uploaded, as the seller allows for this file.");
            case WatermarkResult.Refused refused:
                return new Made(CopyState.Refused, null, 0, null, refused.Message, refused.Reason.ToString().ToLowerInvariant());
            default:
                return AsUploaded(file, "Served as uploaded.");
        }
    }

    private static Made AsUploaded(ProductFile file, string note) => new(CopyState.Unchanged, file.BlobKey, file.Size, file.Sha256, note, null);
}
