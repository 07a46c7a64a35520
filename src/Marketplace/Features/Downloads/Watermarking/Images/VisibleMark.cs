using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace Marketplace.Features.Downloads.Watermarking.Images;

/// <summary>
/// The visible mark: a dark translucent band across the bottom of the image with the licence line in white,
/// drawn by SkiaSharp with the embedded DejaVu Sans into a band-sized overlay, then blended onto the ImageSharp
/// pixels (so a 12-megapixel image never has a second full-size copy).
/// </summary>
public static class VisibleMark
{
    private const byte BandAlpha = 150;

    private static readonly Lazy<SKTypeface> Typeface = new(() =>
    {
        using var font = typeof(VisibleMark).Assembly.GetManifestResourceStream("Marketplace.Watermarking.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The watermark font is not embedded in the assembly.");
        return SKTypeface.FromStream(font) ?? throw new InvalidOperationException("The watermark font could not be read.");
    });

    /// <summary>The band's rows: the part of the image the mark covers.</summary>
    public static Rectangle Band(int width, int height)
    {
        var band = Math.Clamp(height / 20, Math.Min(18, height), 160);
        return new Rectangle(0, height - band, width, band);
    }

    public static void Draw(Image<Rgba32> image, string line)
    {
        var band = Band(image.Width, image.Height);
        using var overlay = new SKBitmap(new SKImageInfo(band.Width, band.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(overlay))
        {
            canvas.Clear(new SKColor(0, 0, 0, BandAlpha));
            using var font = new SKFont(Typeface.Value, band.Height * 0.55f);
            var padding = band.Height * 0.4f;
            var width = font.MeasureText(line);
            if (width > band.Width - (2 * padding))
            {
                font.Size *= (band.Width - (2 * padding)) / width;
            }

            using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
            var baseline = (band.Height / 2f) - ((font.Metrics.Ascent + font.Metrics.Descent) / 2f);
            canvas.DrawText(line, padding, baseline, SKTextAlign.Left, font, paint);
        }

        Blend(image, band, overlay);
    }

    /// <summary>Source-over of the premultiplied overlay onto the band's rows.</summary>
    private static void Blend(Image<Rgba32> image, Rectangle band, SKBitmap overlay)
    {
        image.ProcessPixelRows(accessor =>
        {
            var pixels = overlay.GetPixelSpan();
            for (var y = 0; y < band.Height; y++)
            {
                var row = accessor.GetRowSpan(band.Y + y);
                var over = pixels.Slice(y * overlay.RowBytes, band.Width * 4);
                for (var x = 0; x < band.Width; x++)
                {
                    var keep = 255 - over[(x * 4) + 3];
                    ref var pixel = ref row[x];
                    pixel.R = (byte)(over[x * 4] + ((pixel.R * keep) + 127) / 255);
                    pixel.G = (byte)(over[(x * 4) + 1] + ((pixel.G * keep) + 127) / 255);
                    pixel.B = (byte)(over[(x * 4) + 2] + ((pixel.B * keep) + 127) / 255);
                }
            }
        });
    }
}
