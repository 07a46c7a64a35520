using Marketplace.Infrastructure.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Marketplace.Features.Catalog;

/// <summary>
/// A product's cover, re-encoded by us (so what we serve is never the uploaded bytes, and carries no metadata) in two
/// sizes of the same 4:3 crop: a card for lists and a large one for the product page.
/// </summary>
public sealed class ProductCover
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;
    public static readonly Size Small = new(480, 360);
    public static readonly Size Large = new(1200, 900);

    public Guid Id { get; set; }
    public byte[] SmallWebp { get; set; } = [];
    public byte[] LargeWebp { get; set; } = [];
    public string Version { get; set; } = "";

    /// <summary>Decodes the upload within the <see cref="ImageLimits"/> and renders both sizes, or says why it cannot.</summary>
    public static async Task<(ProductCover? Cover, string? Error)> RenderAsync(Stream upload, UntrustedImages images, CancellationToken ct)
    {
        var (decoded, error) = await images.DecodeAsync(upload, ct);
        if (decoded is null)
        {
            return (null, error);
        }

        using var image = decoded;
        image.Mutate(x => x.AutoOrient());
        image.Metadata.ExifProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.XmpProfile = null;
        var cover = new ProductCover
        {
            LargeWebp = await EncodeAsync(image, Large, ct),
            SmallWebp = await EncodeAsync(image, Small, ct),
            Version = Guid.NewGuid().ToString("N")[..12],
        };
        return (cover, null);
    }

    private static async Task<byte[]> EncodeAsync(Image image, Size size, CancellationToken ct)
    {
        using var resized = image.Clone(x => x.Resize(new ResizeOptions { Size = size, Mode = ResizeMode.Crop }));
        using var output = new MemoryStream();
        await resized.SaveAsWebpAsync(output, new WebpEncoder { Quality = 82 }, ct);
        return output.ToArray();
    }
}
