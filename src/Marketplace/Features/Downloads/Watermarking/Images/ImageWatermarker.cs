using Marketplace.Infrastructure.Files;
using Marketplace.Infrastructure.Images;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace Marketplace.Features.Downloads.Watermarking.Images;

/// <summary>
/// Marks a JPEG, PNG or WebP: decodes it within the image limits (<see cref="UntrustedImages"/>), draws the visible
/// licence band (<see cref="VisibleMark"/>), adds the invisible fingerprint of the entitlement id
/// (<see cref="FingerprintEmbedder"/>), and encodes it in the format it came in, without its EXIF, IPTC or XMP
/// metadata (the colour profile stays: it is how the pixels are meant to look).
/// </summary>
public sealed class ImageWatermarker(UntrustedImages images, IOptions<WatermarkingOptions> options) : IWatermarker
{
    /// <summary>JPEG quality of the marked copy: high, so the buyer's copy looks like the seller's.</summary>
    public const int JpegQuality = 92;

    private readonly Lazy<FingerprintPattern> _pattern = new(() => new FingerprintPattern(options.Value.KeyBytes()));

    public IReadOnlyList<FileKind> Kinds { get; } = [FileKind.Jpeg, FileKind.Png, FileKind.Webp];

    public async Task<WatermarkResult> WatermarkAsync(Stream source, FileKind kind, LicenseMark mark, Stream destination, CancellationToken ct)
    {
        var decoded = await images.DecodeAsync(source, ct);
        if (decoded.Image is not { } image)
        {
            return new WatermarkResult.Refused(WatermarkRefusal.Damaged, decoded.Error ?? "The image could not be decoded.");
        }

        using (image)
        {
            using var pixels = image as Image<Rgba32> ?? image.CloneAs<Rgba32>();
            VisibleMark.Draw(pixels, mark.Line);
            FingerprintEmbedder.Embed(pixels, _pattern.Value, mark.EntitlementId);
            StripMetadata(pixels);
            await pixels.SaveAsync(destination, Encoder(kind, image), ct);
            return new WatermarkResult.Marked($"marked a {pixels.Width}×{pixels.Height} image");
        }
    }

    private static IImageEncoder Encoder(FileKind kind, Image original) => kind switch
    {
        FileKind.Jpeg => new JpegEncoder { Quality = JpegQuality },
        FileKind.Png => new PngEncoder(),
        // A lossless WebP stays lossless; a lossy one is encoded lossy at the JPEG's quality.
        _ => original.Metadata.GetWebpMetadata().FileFormat == WebpFileFormatType.Lossless
            ? new WebpEncoder { FileFormat = WebpFileFormatType.Lossless }
            : new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = JpegQuality },
    };

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }
}
