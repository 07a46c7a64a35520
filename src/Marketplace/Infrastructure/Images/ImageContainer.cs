using System.Buffers.Binary;

namespace Marketplace.Infrastructure.Images;

/// <summary>The accepted image formats, decided by their first bytes (never by a file name or a Content-Type).</summary>
public enum ImageKind { Png, Jpeg, Gif, Webp }

/// <summary>
/// Reads an image file's container (chunks, blocks, segments) without decoding pixels: its kind by magic bytes, its
/// frame count, and whether it is whole (every PNG chunk's CRC right, nothing cut off, nothing after the end).
/// </summary>
public static class ImageContainer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageKind? KindOf(ReadOnlySpan<byte> data) =>
        data.StartsWith(PngSignature) ? ImageKind.Png
        : data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF ? ImageKind.Jpeg
        : data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8) ? ImageKind.Gif
        : data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8) ? ImageKind.Webp
        : null;

    /// <summary>The number of frames, or null when the file is damaged or cut off.</summary>
    public static int? FramesOf(ImageKind kind, ReadOnlySpan<byte> data) => kind switch
    {
        ImageKind.Png => PngFrames(data),
        ImageKind.Jpeg => JpegIsWhole(data) ? 1 : null,
        ImageKind.Gif => GifFrames(data),
        _ => WebpFrames(data),
    };

    private static int? PngFrames(ReadOnlySpan<byte> data)
    {
        var frames = 1;
        var at = PngSignature.Length;
        var first = true;
        while (at + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
            if (length > int.MaxValue || at + 12 + (long)length > data.Length)
            {
                return null;
            }

            var typeAndData = data.Slice(at + 4, 4 + (int)length);
            var type = typeAndData[..4];
            if (PngCrc.Of(typeAndData) != BinaryPrimitives.ReadUInt32BigEndian(data[(at + 8 + (int)length)..]) ||
                first != type.SequenceEqual("IHDR"u8))
            {
                return null;
            }

            if (type.SequenceEqual("acTL"u8) && length >= 4)
            {
                frames = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(typeAndData[4..]));
            }

            first = false;
            at += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                return at == data.Length ? frames : null;
            }
        }

        return null;
    }

    /// <summary>
    /// An end-of-image marker after the first start-of-scan: a file cut off in its pixels has none (stuffing keeps
    /// FF D9 out of entropy-coded data). Data after the marker is allowed: some cameras append their own.
    /// </summary>
    private static bool JpegIsWhole(ReadOnlySpan<byte> data)
    {
        var scan = data.IndexOf([(byte)0xFF, (byte)0xDA]);
        return scan > 0 && data[(scan + 2)..].IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
    }

    private static int? GifFrames(ReadOnlySpan<byte> data)
    {
        if (data.Length < 13)
        {
            return null;
        }

        var at = 13 + ColorTableSize(data[10]);
        var frames = 0;
        while (at < data.Length)
        {
            switch (data[at])
            {
                case 0x3B: // trailer: the file ends here
                    return at + 1 == data.Length && frames > 0 ? frames : null;
                case 0x21: // extension: label, then sub-blocks
                    at = SkipSubBlocks(data, at + 2);
                    break;
                case 0x2C: // image descriptor, optional local colour table, LZW code size, then sub-blocks
                    if (at + 10 > data.Length)
                    {
                        return null;
                    }

                    frames++;
                    at = SkipSubBlocks(data, at + 10 + ColorTableSize(data[at + 9]) + 1);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static int ColorTableSize(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);

    private static int SkipSubBlocks(ReadOnlySpan<byte> data, int at)
    {
        while (at < data.Length && data[at] != 0)
        {
            at += data[at] + 1;
        }

        return at < data.Length ? at + 1 : int.MaxValue;
    }

    private static int? WebpFrames(ReadOnlySpan<byte> data)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffSize + 8L != data.Length)
        {
            return null;
        }

        var frames = 0;
        var at = 12;
        while (at + 8 <= data.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 4)..]);
            var next = at + 8L + size + (size & 1);
            if (next > data.Length)
            {
                return null;
            }

            var type = data.Slice(at, 4);
            frames += type.SequenceEqual("ANMF"u8) ? 1 : 0;
            at = (int)next;
        }

        return at == data.Length ? Math.Max(frames, 1) : null;
    }
}
