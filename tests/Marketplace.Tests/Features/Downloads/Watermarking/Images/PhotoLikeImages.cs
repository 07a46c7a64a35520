using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Marketplace.Tests.Features.Downloads.Watermarking.Images;

/// <summary>
/// Images with what photos have and test cards lack: smooth gradients, edges of shapes, texture and sensor-like
/// noise, made from a seed so each test has its own and every run the same. And what a leaker does to them.
/// </summary>
public static class PhotoLikeImages
{
    public static Image<Rgba32> Make(int seed, int width = 1200, int height = 900)
    {
        var random = new Random(seed);
        var shapes = Enumerable.Range(0, 12)
            .Select(_ => (X: random.Next(width), Y: random.Next(height), R: random.Next(40, 260), Color: Color(random)))
            .ToArray();
        var (tilt, waves, hue) = (random.NextDouble() * 2, 0.002 + (random.NextDouble() * 0.02), Color(random));
        var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(accessor =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = accessor.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    var light = 0.35 + (0.5 * ((x * tilt) + y) / (width * tilt + height)) + (0.1 * Math.Sin((x + (2 * y)) * waves));
                    var (r, g, b) = (hue.R * light, hue.G * light, hue.B * light);
                    foreach (var shape in shapes)
                    {
                        var (dx, dy) = (x - shape.X, y - shape.Y);
                        if ((dx * dx) + (dy * dy) < shape.R * shape.R)
                        {
                            var shade = 0.7 + (0.3 * Math.Cos(dx * 0.05) * Math.Sin(dy * 0.04));
                            (r, g, b) = (shape.Color.R * shade, shape.Color.G * shade, shape.Color.B * shade);
                        }
                    }

                    var noise = random.Next(-6, 7);
                    row[x] = new Rgba32(Byte(r + noise), Byte(g + noise + random.Next(-2, 3)), Byte(b + noise), 255);
                }
            }
        });
        return image;
    }

    public static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }

    public static byte[] Jpeg(Image image, int quality = 92) => Encode(image, new JpegEncoder { Quality = quality });

    public static byte[] Png(Image image) => Encode(image, new PngEncoder());

    public static byte[] Webp(Image image) => Encode(image, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = 90 });

    /// <summary>Re-saved as a JPEG at quality 85, as a leaker's editor or a website would.</summary>
    public static Image<Rgba32> Reencoded(Image<Rgba32> image) => Image.Load<Rgba32>(Jpeg(image, 85));

    public static Image<Rgba32> Halved(Image<Rgba32> image) => image.Clone(context => context.Resize(image.Width / 2, image.Height / 2));

    /// <summary>10 % of each side cut off: 5 % left and top, 5 % right and bottom (81 % of the area kept).</summary>
    public static Image<Rgba32> Cropped(Image<Rgba32> image) => image.Clone(context => context.Crop(new Rectangle(
        image.Width * 7 / 100, image.Height * 3 / 100, image.Width * 90 / 100, image.Height * 90 / 100)));

    private static Rgba32 Color(Random random) => new((byte)random.Next(30, 230), (byte)random.Next(30, 230), (byte)random.Next(30, 230));

    private static byte Byte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
