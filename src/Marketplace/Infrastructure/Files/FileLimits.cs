namespace Marketplace.Infrastructure.Files;

/// <summary>
/// What an uploaded product file may cost us: its size on the way in, and what opening it may take (an archive's
/// entries and unpacked bytes, a PDF's size). The one place these limits are set (configuration section
/// <c>Files</c>); images inside the allow-list are also held to <see cref="Images.ImageLimits"/>.
/// </summary>
public sealed class FileLimits
{
    public const string Section = "Files";

    /// <summary>Largest upload, in bytes (2 GiB). Anything larger is a 413, refused as soon as the limit is crossed.</summary>
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Folder the upload is written to while it arrives and is inspected; empty means <c>uploads</c> under
    /// <c>Marketplace:DataPath</c>. Not the OS temp folder on purpose: <c>/tmp</c> is often a RAM disk.
    /// </summary>
    public string TempPath { get; set; } = "";

    /// <summary>Most entries in a ZIP or EPUB, nested archives' entries included.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>Most bytes an archive may unpack to, nested archives' contents included (4 GiB).</summary>
    public long MaxUnpackedBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Highest unpacked-to-packed ratio of one archive entry larger than <see cref="RatioFloorBytes"/>. Real files
    /// rarely pass 20:1; a bomb of zeros is about 1000:1.
    /// </summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Entries this small (unpacked) are not held to <see cref="MaxCompressionRatio"/>: they cannot hurt.</summary>
    public long RatioFloorBytes { get; set; } = 1024 * 1024;

    /// <summary>How deep archives may nest: 1 lets a ZIP hold ZIPs, but not ZIPs holding ZIPs.</summary>
    public int MaxNesting { get; set; } = 1;

    /// <summary>
    /// Largest PDF (512 MiB). PdfPig reads from the file as it parses, but stamping a PDF for a buyer loads the whole
    /// document into memory, so a larger one could not be delivered safely.
    /// </summary>
    public long MaxPdfBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Largest image file (64 MiB): an image's container is walked in memory before any header is trusted.</summary>
    public long MaxImageBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Uploads one member may have in progress at once on a node; one more is a 429. A seller uploads a product's
    /// files one or two at a time; dozens at once would only fill the disk and the cores.
    /// </summary>
    public int MaxConcurrentUploadsPerMember { get; set; } = 2;

    /// <summary>Uploads a node takes at once, from everyone; one more is a 503 with <c>Retry-After</c> (staging, hashing and inspecting use the disk and the cores).</summary>
    public int MaxConcurrentUploads { get; set; } = 16;
}
