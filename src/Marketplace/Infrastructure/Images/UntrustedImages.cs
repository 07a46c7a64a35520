using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace Marketplace.Infrastructure.Images;

/// <summary>
/// Decodes an uploaded image only once its container and headers say it is affordable: a PNG, JPEG, GIF or WebP by
/// its magic bytes, whole, with few enough frames and pixels (<see cref="ImageLimits"/>). Then only its first frame
/// is decoded, through an ImageSharp configuration that knows those four formats and allocates within a limit.
/// Every way a file can fail is an answer (a message for the person), never an exception.
/// </summary>
public sealed class UntrustedImages(IOptions<ImageLimits> options, ILogger<UntrustedImages> logger)
{
    public const string Accepted = "PNG, JPEG, GIF or WebP";
    private const string Damaged = "The image is damaged or incomplete; export it again and retry.";

    private readonly Lazy<Configuration> _configuration = new(() => CreateConfiguration(options.Value));

    public sealed record Decoded(Image? Image, string? Error);

    /// <summary>What <see cref="Check"/> read from the headers, and its <see cref="Refusal"/> (null: affordable).</summary>
    public sealed record Checked(ImageKind? Kind, int Width, int Height, int Frames, string? Refusal);

    public async Task<Decoded> DecodeAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        if (Refusal(buffer.ToArray()) is { } refusal)
        {
            return new Decoded(null, refusal);
        }

        try
        {
            buffer.Position = 0;
            var image = await Image.LoadAsync(_configuration.Value, buffer, ct);
            return new Decoded(image, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // ImageSharp's answer to a crafted or damaged file is an exception of many kinds: it is the file's fault.
            logger.LogInformation("An uploaded image could not be decoded: {Reason}", exception.Message);
            return new Decoded(null, exception is InvalidMemoryOperationException ? TooLarge() : Damaged);
        }
    }

    /// <summary>Why the file is refused before decoding, or null when it may be decoded.</summary>
    public string? Refusal(byte[] data) => Check(data).Refusal;

    /// <summary>
    /// What an image's container and headers say (its kind, size and frames, known only as far as the checks got),
    /// and why it is refused before decoding, or null when it may be decoded. No pixel is decoded.
    /// </summary>
    public Checked Check(byte[] data)
    {
        var limits = options.Value;
        if (ImageContainer.KindOf(data) is not { } kind)
        {
            return new Checked(null, 0, 0, 0, $"The file is not an image we accept ({Accepted}).");
        }

        if (ImageContainer.FramesOf(kind, data) is not { } frames)
        {
            return new Checked(kind, 0, 0, 0, Damaged);
        }

        IImageInfo? info;
        try
        {
            info = Image.Identify(_configuration.Value, data, out _);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogInformation("An uploaded image could not be identified: {Reason}", exception.Message);
            return new Checked(kind, 0, 0, frames, Damaged);
        }

        if (info is null || info.Width <= 0 || info.Height <= 0)
        {
            return new Checked(kind, 0, 0, frames, Damaged);
        }

        var pixels = (long)info.Width * info.Height;
        var refusal = info.Width > limits.MaxDimension || info.Height > limits.MaxDimension || pixels > limits.MaxPixels
            ? TooLarge()
            : frames > limits.MaxFrames || pixels * frames > limits.MaxTotalPixels
                ? $"The image has too many frames; use a still image or an animation of at most {limits.MaxFrames} small frames."
                : null;
        return new Checked(kind, info.Width, info.Height, frames, refusal);
    }

    private string TooLarge() =>
        $"The image is too large; use one at most {options.Value.MaxDimension} pixels wide and high, " +
        $"under {options.Value.MaxPixels / 1_000_000} megapixels.";

    private static Configuration CreateConfiguration(ImageLimits limits)
    {
        var configuration = new Configuration(
            new PngConfigurationModule(), new JpegConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                MaximumPoolSizeMegabytes = limits.MaxPoolMegabytes,
                AllocationLimitMegabytes = limits.MaxAllocationMegabytes,
            }),
            MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount / 2),
        };
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }
}
