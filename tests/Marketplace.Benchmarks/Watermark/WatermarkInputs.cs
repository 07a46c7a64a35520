using Marketplace.Features.Downloads.Watermarking.Pdfs;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Marketplace.Benchmarks.Watermark;

/// <summary>The files the watermark benchmark marks, made in memory before anything is measured.</summary>
public static class WatermarkInputs
{
    /// <summary>A photo-like JPEG (gradient, waves, blocks of colour, noise) of <paramref name="width"/> × <paramref name="height"/>, quality 90.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        var random = new Random(12);
        using var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(accessor =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = accessor.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    var block = ((x / 500) + (y / 400)) % 3;
                    var light = 80 + (100.0 * (x + y) / (width + height)) + (30 * Math.Sin(x * 0.01) * Math.Cos(y * 0.013));
                    var noise = random.Next(-8, 9);
                    row[x] = new Rgba32(Byte(light + (block * 30) + noise), Byte(light + noise), Byte(light - (block * 20) + noise));
                }
            }
        });
        using var jpeg = new MemoryStream();
        image.Save(jpeg, new JpegEncoder { Quality = 90 });
        return jpeg.ToArray();
    }

    /// <summary>A book of <paramref name="pages"/> pages of text with a bookmark every ten pages.</summary>
    public static byte[] Pdf(int pages)
    {
        StampFont.Install();
        using var document = new PdfDocument();
        var font = new XFont(StampFont.Family, 11);
        for (var i = 1; i <= pages; i++)
        {
            var page = document.AddPage();
            using (var graphics = XGraphics.FromPdfPage(page))
            {
                for (var line = 0; line < 40; line++)
                {
                    graphics.DrawString($"Page {i}, line {line + 1}: the quick brown fox jumps over the lazy dog.", font, XBrushes.Black, new XPoint(60, 60 + (line * 17)));
                }
            }

            if (i % 10 == 1)
            {
                document.Outlines.Add($"Chapter {(i / 10) + 1}", page);
            }
        }

        using var pdf = new MemoryStream();
        document.Save(pdf);
        return pdf.ToArray();
    }

    private static byte Byte(double value) => (byte)Math.Clamp(value, 0, 255);
}
