using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Downloads.Watermarking.Images;
using Marketplace.Infrastructure.Files;
using Marketplace.Infrastructure.Images;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Marketplace.Features.Downloads.Forensics;

/// <summary>
/// Recovers the entitlement a suspected leak was made for, from what its kind carries: an image's fingerprint
/// (<see cref="FingerprintDetector"/>), a PDF's metadata or stamp (<see cref="PdfTrace"/>), a ZIP's comment or
/// licence file (<see cref="ZipTrace"/>). The file is recognised by its content, as an upload is.
/// </summary>
public sealed class LeakTracer(UntrustedImages images, IOptions<WatermarkingOptions> options, IOptions<FileLimits> limits)
{
    private readonly Lazy<FingerprintPattern> _pattern = new(() => new FingerprintPattern(options.Value.KeyBytes()));

    public async Task<TraceResult> TraceAsync(Stream suspect, CancellationToken ct)
    {
        using var buffered = await Seekable.OpenAsync(suspect, ct);
        var file = buffered.Stream;
        var head = new byte[(int)Math.Min(FileSignatures.HeadLength, file.Length)];
        await file.ReadExactlyAsync(head, ct);
        file.Position = 0;
        return FileSignatures.KindOf(head) switch
        {
            FileKind.Jpeg or FileKind.Png or FileKind.Webp or FileKind.Gif => await ImageAsync(file, ct),
            FileKind.Pdf => PdfTrace.Trace(file),
            FileKind.Zip or FileKind.Epub => ZipTrace.Trace(file, limits.Value.MaxEntries),
            _ => new TraceResult.NoMark("No mark found: files of this kind are served unchanged, so they carry no mark."),
        };
    }

    private async Task<TraceResult> ImageAsync(Stream file, CancellationToken ct)
    {
        var decoded = await images.DecodeAsync(file, ct);
        if (decoded.Image is not { } image)
        {
            return new TraceResult.NoMark($"No mark found: {decoded.Error}");
        }

        using (image)
        {
            using var pixels = image as Image<Rgba32> ?? image.CloneAs<Rgba32>();
            return FingerprintDetector.Detect(pixels, _pattern.Value) is { } id
                ? new TraceResult.Found(id, "image fingerprint")
                : new TraceResult.NoMark(TraceResult.Clean);
        }
    }
}
