using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Downloads.Watermarking.Images;
using Marketplace.Infrastructure.Files;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace Marketplace.Tests.Features.Downloads.Watermarking.Images;

public sealed class ImageWatermarkTests(ITestOutputHelper output)
{
    public static TheoryData<FileKind> Kinds => [FileKind.Jpeg, FileKind.Png, FileKind.Webp];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_visible_band_darkens_its_rows_and_carries_bright_text_in_the_same_format(FileKind kind)
    {
        using var original = PhotoLikeImages.Make(seed: 11, width: 900, height: 600);
        var (result, copy) = await Engines.MarkAsync(Encoded(original, kind), kind);

        result.ShouldBeOfType<WatermarkResult.Marked>();
        FileSignatures.KindOf(copy).ShouldBe(kind);
        using var marked = Image.Load<Rgba32>(copy);
        var band = VisibleMark.Band(marked.Width, marked.Height);
        var (darker, text) = (0, 0);
        for (var y = band.Top; y < band.Bottom; y++)
        {
            for (var x = 0; x < band.Width; x++)
            {
                var (before, after) = (Luma(original[x, y]), Luma(marked[x, y]));
                darker += after < before - 40 ? 1 : 0;
                text += after > 215 && after > before + 40 ? 1 : 0;
            }
        }

        var area = band.Width * band.Height;
        (darker / (double)area).ShouldBeGreaterThan(0.5, "most of the band is darkened");
        (text / (double)area).ShouldBeGreaterThan(0.03, "the licence line is drawn in bright pixels");
        var above = Enumerable.Range(0, 200).Average(x => Math.Abs(Luma(original[x * 4, 100]) - Luma(marked[x * 4, 100])));
        above.ShouldBeLessThan(6, "outside the band only the faint fingerprint changes pixels");
    }

    [Fact]
    public async Task The_copy_keeps_no_exif_metadata()
    {
        using var original = PhotoLikeImages.Make(seed: 12, width: 600, height: 400);
        original.Metadata.ExifProfile = new ExifProfile();
        original.Metadata.ExifProfile.SetValue(ExifTag.Artist, "Seller's camera owner");
        var (_, copy) = await Engines.MarkAsync(PhotoLikeImages.Jpeg(original), FileKind.Jpeg);

        Image.Identify(copy)!.Metadata.ExifProfile.ShouldBeNull();
    }

    [Fact]
    public async Task The_fingerprint_costs_less_than_the_psnr_target_against_the_visibly_marked_image()
    {
        using var original = PhotoLikeImages.Make(seed: 13, width: 1000, height: 700);
        var (_, copy) = await Engines.MarkAsync(PhotoLikeImages.Png(original), FileKind.Png);
        using var visibleOnly = original.Clone();
        VisibleMark.Draw(visibleOnly, Engines.Mark.Line);
        using var marked = Image.Load<Rgba32>(copy);

        var psnr = Psnr(visibleOnly, marked);
        output.WriteLine($"PSNR of the fingerprinted copy against the visibly marked image: {psnr:F2} dB");
        psnr.ShouldBeGreaterThan(38);
    }

    [Theory]
    [InlineData(FileKind.Jpeg)]
    [InlineData(FileKind.Png)]
    [InlineData(FileKind.Webp)]
    public async Task A_truncated_image_is_refused_as_damaged(FileKind kind)
    {
        using var original = PhotoLikeImages.Make(seed: 14, width: 400, height: 300);
        var file = Encoded(original, kind);
        var (result, _) = await Engines.MarkAsync(file[..(file.Length / 3)], kind);

        result.ShouldBeOfType<WatermarkResult.Refused>().Reason.ShouldBe(WatermarkRefusal.Damaged);
    }

    internal static byte[] Encoded(Image image, FileKind kind) => kind switch
    {
        FileKind.Jpeg => PhotoLikeImages.Jpeg(image),
        FileKind.Png => PhotoLikeImages.Png(image),
        _ => PhotoLikeImages.Webp(image),
    };

    internal static double Psnr(Image<Rgba32> a, Image<Rgba32> b)
    {
        double squares = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                var (p, q) = (a[x, y], b[x, y]);
                squares += ((p.R - q.R) * (p.R - q.R)) + ((p.G - q.G) * (p.G - q.G)) + ((p.B - q.B) * (p.B - q.B));
            }
        }

        var mse = squares / (3.0 * a.Width * a.Height);
        return 10 * Math.Log10(255 * 255 / mse);
    }

    private static double Luma(Rgba32 pixel) => (0.299 * pixel.R) + (0.587 * pixel.G) + (0.114 * pixel.B);
}
