using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Downloads.Watermarking.Images;
using Marketplace.Features.Downloads.Watermarking.Pdfs;
using Marketplace.Features.Downloads.Watermarking.Zips;
using Marketplace.Infrastructure.Files;
using Marketplace.Infrastructure.Images;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests.Features.Downloads.Watermarking;

/// <summary>The real engines, built as the app builds them, without a host: nothing in them needs one.</summary>
public static class Engines
{
    public const string Key = "test-fingerprint-key";

    public static readonly LicenseMark Mark = new(
        Guid.Parse("3f2b8c1e-7d4a-4e91-9b6f-2a5c8d0e1f37"), Guid.Parse("9a1d2e3f-4b5c-4d6e-8f70-112233445566"),
        "Ada Lovelace", "ada@example.com", "Analytical Engine Notes");

    public static UntrustedImages Images() => new(Options.Create(new ImageLimits()), NullLogger<UntrustedImages>.Instance);

    public static ImageWatermarker Image(string key = Key) => new(Images(), Options.Create(new WatermarkingOptions { FingerprintKey = key }));

    public static PdfWatermarker Pdf() => new();

    public static ZipWatermarker Zip() => new(Options.Create(new FileLimits()));

    public static Watermarks All() => new([Image(), Pdf(), Zip()]);

    /// <summary>The marked copy's bytes and the engine's answer.</summary>
    public static async Task<(WatermarkResult Result, byte[] Copy)> MarkAsync(byte[] file, FileKind kind, LicenseMark? mark = null)
    {
        using var source = new MemoryStream(file);
        using var copy = new MemoryStream();
        var result = await All().WatermarkAsync(source, kind, mark ?? Mark, copy, CancellationToken.None);
        return (result, copy.ToArray());
    }
}
