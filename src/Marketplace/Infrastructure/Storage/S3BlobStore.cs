using System.Buffers;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Marketplace.Infrastructure.Storage;

/// <summary>
/// Blobs as objects of one S3 bucket (Amazon S3 or a compatible server), for sites whose nodes share no disk. A blob
/// smaller than one part goes up in one request; a larger one as a multipart upload (<see cref="S3MultipartUpload"/>).
/// Downloads are best served from <see cref="PresignReadAsync"/>, straight from the bucket.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private const string FallbackContentType = "application/octet-stream";
    private static readonly TimeSpan MaxPresignLifetime = TimeSpan.FromDays(7);

    private readonly AmazonS3Client _s3;
    private readonly string _bucket;
    private readonly int _partSize;
    private readonly Amazon.S3.Protocol _protocol;
    private readonly TimeProvider _time;
    private readonly ILogger<S3BlobStore> _logger;

    public S3BlobStore(S3StorageOptions options, TimeProvider time, ILogger<S3BlobStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Bucket);
        _s3 = S3Clients.Create(options);
        _bucket = options.Bucket.Trim();
        _partSize = options.PartSizeBytes;
        _protocol = S3Clients.ProtocolOf(options);
        _time = time;
        _logger = logger;
    }

    public async Task<StoredBlob> PutAsync(string key, Stream content, string contentType, CancellationToken ct)
    {
        BlobKeys.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var firstPart = ArrayPool<byte>.Shared.Rent(_partSize);
        try
        {
            var filled = await content.ReadAtLeastAsync(firstPart.AsMemory(0, _partSize), _partSize, throwOnEndOfStream: false, ct);
            var size = filled < _partSize
                ? await PutWholeAsync(key, firstPart, filled, contentType, ct)
                : await new S3MultipartUpload(_s3, _bucket, key, _partSize, _logger).SendAsync(firstPart, content, contentType, ct);
            return new StoredBlob(key, size, contentType, _time.GetUtcNow());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(firstPart);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct) => GetAsync(key, range: null, ct, length: null);

    public Task<Stream?> OpenReadAsync(string key, long from, long? to, CancellationToken ct)
    {
        BlobKeys.Validate(key);
        ByteRanges.Validate(from, to);
        return GetAsync(key, new ByteRange(to is { } last ? $"bytes={from}-{last}" : $"bytes={from}-"), ct, to + 1 - from);
    }

    public async Task<StoredBlob?> StatAsync(string key, CancellationToken ct)
    {
        BlobKeys.Validate(key);
        try
        {
            var found = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = key }, ct);
            var contentType = found.Headers.ContentType is { Length: > 0 } stored ? stored : FallbackContentType;
            var modified = found.LastModified is { } time ? new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero) : _time.GetUtcNow();
            return new StoredBlob(key, found.ContentLength, contentType, modified);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string?> ProblemAsync(CancellationToken ct)
    {
        try
        {
            await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, MaxKeys = 1 }, ct);
            return null;
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException or TaskCanceledException)
        {
            return $"The bucket {_bucket} cannot be listed: {e.Message}";
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        BlobKeys.Validate(key);
        await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, ct);
    }

    public string? LocalPath(string key)
    {
        BlobKeys.Validate(key);
        return null;
    }

    public async Task<Uri?> PresignReadAsync(string key, TimeSpan lifetime, string downloadName, string contentType)
    {
        BlobKeys.Validate(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (lifetime <= TimeSpan.Zero || lifetime > MaxPresignLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A presigned URL lives for more than no time and at most seven days.");
        }

        var request = new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Protocol = _protocol,
            Expires = _time.GetUtcNow().UtcDateTime + lifetime,
        };
        request.ResponseHeaderOverrides.ContentDisposition = AttachmentDisposition.For(downloadName);
        request.ResponseHeaderOverrides.ContentType = contentType;
        return new Uri(await _s3.GetPreSignedURLAsync(request));
    }

    public void Dispose() => _s3.Dispose();

    private async Task<long> PutWholeAsync(string key, byte[] buffer, int count, string contentType, CancellationToken ct)
    {
        using var body = new MemoryStream(buffer, 0, count, writable: false);
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = body,
            ContentType = contentType,
            // A signed payload from the buffer instead of aws-chunked signing, which S3-compatible servers may not decode.
            UseChunkEncoding = false,
        }, ct);
        return count;
    }

    private async Task<Stream?> GetAsync(string key, ByteRange? range, CancellationToken ct, long? length)
    {
        BlobKeys.Validate(key);
        try
        {
            var found = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key, ByteRange = range }, ct);
            // Not every S3-compatible server honours the end of a range (s3rver answers bytes=0-0 with the whole object).
            return length is { } most ? new ByteRangeStream(found.ResponseStream, most) : found.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            return new MemoryStream([], writable: false); // the blob exists; the range starts past its end
        }
    }
}
