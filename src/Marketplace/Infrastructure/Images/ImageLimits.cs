namespace Marketplace.Infrastructure.Images;

/// <summary>
/// What an uploaded image may cost us, checked from its headers before any pixel is decoded. The one place these
/// limits are set (configuration section <c>Images</c>); shop logos use them, product covers will.
/// </summary>
public sealed class ImageLimits
{
    public const string Section = "Images";

    /// <summary>Largest width or height, in pixels.</summary>
    public int MaxDimension { get; set; } = 8_000;

    /// <summary>Most pixels in one frame (width × height).</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Most frames of an animation (GIF, APNG, WebP); only the first is ever decoded.</summary>
    public int MaxFrames { get; set; } = 100;

    /// <summary>Most pixels over every frame (width × height × frames).</summary>
    public long MaxTotalPixels { get; set; } = 100_000_000;

    /// <summary>Largest single buffer ImageSharp may allocate while decoding, in megabytes.</summary>
    public int MaxAllocationMegabytes { get; set; } = 200;

    /// <summary>Most memory ImageSharp's pool keeps between decodes, in megabytes.</summary>
    public int MaxPoolMegabytes { get; set; } = 32;
}
