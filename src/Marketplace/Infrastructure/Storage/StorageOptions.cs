namespace Marketplace.Infrastructure.Storage;

/// <summary>The <c>Storage</c> configuration section: where uploaded files are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string Disk = "disk";
    public const string S3Provider = "s3";

    /// <summary><c>disk</c> (the default) or <c>s3</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>
    /// The disk store's folder, relative to the content root; empty means <c>blobs</c> in the app's data folder
    /// (<c>Marketplace:DataPath</c>). Every node of a scaled-out site must see the same folder.
    /// </summary>
    public string? Path { get; set; }

    public S3StorageOptions S3 { get; set; } = new();

    public bool UsesS3 => string.Equals(Provider?.Trim(), S3Provider, StringComparison.OrdinalIgnoreCase);
}
