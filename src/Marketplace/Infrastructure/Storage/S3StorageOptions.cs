namespace Marketplace.Infrastructure.Storage;

/// <summary>The <c>Storage:S3</c> configuration section, read when <c>Storage:Provider</c> is <c>s3</c>.</summary>
public sealed class S3StorageOptions
{
    /// <summary>S3's own floor for every part but the last.</summary>
    public const int MinPartSizeMegabytes = 5;

    public const int MaxPartSizeMegabytes = 512;

    /// <summary>An S3-compatible server (MinIO, Ceph, R2, s3rver...); empty for Amazon S3 itself.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>The bucket's region (for Amazon S3) or the region requests are signed for (elsewhere); default us-east-1.</summary>
    public string? Region { get; set; }

    /// <summary>With <see cref="SecretKey"/>; both empty means the SDK's default credentials (environment, profile, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Bucket in the path instead of the host name; default true with a <see cref="ServiceUrl"/>, false without.</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>
    /// Size of each part of a multipart upload, and of the largest blob sent in one request. A put holds two such
    /// buffers (one being sent while the next is read), so this bounds its memory.
    /// </summary>
    public int PartSizeMegabytes { get; set; } = 8;

    public string RegionOrDefault => string.IsNullOrWhiteSpace(Region) ? "us-east-1" : Region.Trim();

    public int PartSizeBytes => PartSizeMegabytes * 1024 * 1024;
}
