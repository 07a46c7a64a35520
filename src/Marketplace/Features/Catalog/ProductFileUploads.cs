using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Files;
using Marketplace.Infrastructure.Storage;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Catalog;

/// <summary>
/// What uploading and replacing a file share: the upload staged off the wire, judged by its content, stored under a
/// name we make; then the use case records it, and if it cannot (the product went away meanwhile, the commit
/// failed), the stored bytes are deleted again. Either the file is recorded and stored, or nothing is left.
/// </summary>
public sealed class ProductFileUploads(UploadStaging staging, UploadSlots slots, UntrustedFiles files, IBlobStore blobs, TimeProvider clock)
{
    public const int MaxFilesPerProduct = 50;
    private static readonly TimeSpan RetryWhenBusy = TimeSpan.FromSeconds(10);

    public sealed record Uploaded(Guid FileId, string Name, long Size, string ContentType, string Kind, string Sha256, IReadOnlyList<string> Warnings)
    {
        public static Uploaded Of(ProductFile file) =>
            new(file.Id, file.Name, file.Size, file.ContentType, file.Kind, file.Sha256, file.Warnings);
    }

    /// <summary>
    /// Stages, inspects and stores the request's file as a version of file <paramref name="fileId"/>, under a key of
    /// its own (two concurrent uploads never write the same blob), then hands it to <paramref name="record"/>; the
    /// problem to answer instead, if any.
    /// </summary>
    public async Task<(ProductFile? File, IResult? Problem)> ReceiveAsync(
        HttpRequest request, Guid productId, Guid fileId, Func<ProductFile, Task<bool>> record, CancellationToken ct)
    {
        using var slot = slots.TryTake(Members.IdOf(request.HttpContext.User) ?? Guid.Empty, out var busy);
        if (slot is null)
        {
            RateLimiting.SetRetryAfter(request.HttpContext, RetryWhenBusy);
            return (null, busy!.ToProblem());
        }

        var staged = await staging.StageAsync(request, ct);
        if (staged is StagingResult.Refused refused)
        {
            return (null, refused.ToProblem());
        }

        await using var upload = ((StagingResult.Staged)staged).Upload;
        var inspection = await files.InspectAsync(upload.Path, upload.OriginalName, ct);
        if (inspection is FileInspection.Refused refusal)
        {
            return (null, ValidationProblems.Field("file", refusal.Message));
        }

        var accepted = (FileInspection.Accepted)inspection;

        var file = new ProductFile
        {
            Id = fileId, Name = upload.OriginalName, Size = upload.Length, ContentType = accepted.ContentType,
            Kind = accepted.Kind.ToString().ToLowerInvariant(), Sha256 = upload.Sha256,
            BlobKey = $"products/{productId:N}/{fileId:N}-{Guid.CreateVersion7():N}{accepted.Extension}".ToLowerInvariant(),
            Warnings = [.. accepted.Warnings], UploadedAt = clock.GetUtcNow(),
        };
        await using (var content = upload.OpenRead())
        {
            await blobs.PutAsync(file.BlobKey, content, file.ContentType, ct);
        }

        var recorded = false;
        try
        {
            recorded = await record(file);
        }
        finally
        {
            if (!recorded)
            {
                await blobs.DeleteAsync(file.BlobKey, CancellationToken.None);
            }
        }

        return recorded ? (file, null) : (null, ProductProblems.FileNotFound());
    }
}
