using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;

namespace Marketplace.Infrastructure.Storage;

/// <summary>
/// Sends a stream of unknown length to one S3 key as a multipart upload of fixed-size parts, reading the next part
/// from the stream while the previous one is on its way, so a put holds two part buffers whatever the size. Any
/// failure or cancellation aborts the upload: S3 then shows neither the object nor its parts.
/// </summary>
internal sealed class S3MultipartUpload(IAmazonS3 s3, string bucket, string key, int partSize, ILogger logger)
{
    private const int MaxParts = 10_000;
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Uploads <paramref name="firstPart"/> (a full part already read) and the rest of <paramref name="content"/>; returns the size.</summary>
    public async Task<long> SendAsync(byte[] firstPart, Stream content, string contentType, CancellationToken ct)
    {
        var started = await s3.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = bucket, Key = key, ContentType = contentType }, ct);
        var uploadId = started.UploadId;
        var spare = ArrayPool<byte>.Shared.Rent(partSize);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task<PartETag>? inFlight = null;
        try
        {
            var parts = new List<PartETag>();
            var (current, next) = (firstPart, spare);
            var filled = partSize;
            long size = 0;
            while (filled > 0)
            {
                if (parts.Count == MaxParts)
                {
                    throw new InvalidOperationException($"The blob '{key}' is larger than {MaxParts} parts of {partSize / (1024 * 1024)} MB: raise Storage:S3:PartSizeMegabytes.");
                }

                inFlight = SendPartAsync(uploadId, parts.Count + 1, current, filled, sending.Token);
                var nextFilled = await content.ReadAtLeastAsync(next.AsMemory(0, partSize), partSize, throwOnEndOfStream: false, ct);
                parts.Add(await inFlight);
                inFlight = null;
                size += filled;
                (current, next, filled) = (next, current, nextFilled);
            }

            // Every byte is sent: finish even if the caller gives up now, rather than race an abort against the completion.
            await s3.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartETags = parts }, CancellationToken.None);
            return size;
        }
        catch (Exception failure)
        {
            // The part being sent still reads a pooled buffer: it must end before the buffers go back to the pool.
            await sending.CancelAsync();
            if (inFlight is not null)
            {
                await ((Task)inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await AbortAsync(uploadId, failure);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(spare);
        }
    }

    private async Task<PartETag> SendPartAsync(string uploadId, int number, byte[] buffer, int count, CancellationToken ct)
    {
        using var body = new MemoryStream(buffer, 0, count, writable: false);
        var sent = await s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = number,
            PartSize = count,
            InputStream = body,
            // A signed payload from a buffer instead of aws-chunked signing, which S3-compatible servers may not decode.
            UseChunkEncoding = false,
        }, ct);
        return new PartETag(number, sent.ETag);
    }

    private async Task AbortAsync(string uploadId, Exception failure)
    {
        using var timeout = new CancellationTokenSource(AbortTimeout);
        try
        {
            await s3.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e,
                "The failed upload {UploadId} of {Key} ({Failure}) could not be aborted; its parts stay in the bucket until a lifecycle rule (AbortIncompleteMultipartUpload) removes them",
                uploadId, key, failure.GetType().Name);
        }
    }
}
