using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Marketplace.Features.Downloads.Watermarking.Images;

/// <summary>
/// Adds the fingerprint to the luminance: every pixel of a cell moves by ±<see cref="Amplitude"/> on R, G and B
/// alike (so hue is kept and luminance moves by the same amount). A cell of 8 × 8 on the tile's grid is a block
/// of constant offset, which a JPEG encoder keeps in its blocks' DC terms, the coefficients it quantizes least.
/// </summary>
public static class FingerprintEmbedder
{
    /// <summary>±3 of 255: a PSNR of about 38.6 dB against the unfingerprinted pixels (less where pixels clip).</summary>
    public const int Amplitude = 3;

    public static void Embed(Image<Rgba32> image, FingerprintPattern pattern, Guid id)
    {
        var signs = pattern.SignsFor(id);
        image.ProcessPixelRows(accessor =>
        {
            for (var y = 0; y < accessor.Height; y++)
            {
                var row = accessor.GetRowSpan(y);
                var cellRow = (y / FingerprintPattern.CellSize % FingerprintPattern.CellsPerSide) * FingerprintPattern.CellsPerSide;
                for (var x = 0; x < row.Length; x++)
                {
                    var delta = Amplitude * signs[cellRow + (x / FingerprintPattern.CellSize % FingerprintPattern.CellsPerSide)];
                    ref var pixel = ref row[x];
                    pixel.R = Clamp(pixel.R + delta);
                    pixel.G = Clamp(pixel.G + delta);
                    pixel.B = Clamp(pixel.B + delta);
                }
            }
        });
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
