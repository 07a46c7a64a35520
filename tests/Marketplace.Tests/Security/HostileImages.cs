using System.Buffers.Binary;
using System.Text;
using Marketplace.Infrastructure.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.PixelFormats;

namespace Marketplace.Tests.Security;

/// <summary>Files crafted to hurt an image decoder, made in the test: bombs, broken files, impostors.</summary>
public static class HostileImages
{
    public static byte[] Png(int width = 64, int height = 64)
    {
        using var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgba32((byte)(x * 7), (byte)(y * 13), (byte)(x ^ y), 255); // noise-ish: a real IDAT
            }
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    public static byte[] Jpeg()
    {
        using var image = Image.Load(Png());
        using var jpeg = new MemoryStream();
        image.SaveAsJpeg(jpeg);
        return jpeg.ToArray();
    }

    /// <summary>A multi-page TIFF (the reported bomb was 8 pages of 6000×6000): a format we do not take at all.</summary>
    public static byte[] MultiPageTiff(int pages = 8)
    {
        using var image = new Image<Rgba32>(32, 32);
        for (var i = 1; i < pages; i++)
        {
            image.Frames.AddFrame(image.Frames.RootFrame);
        }

        using var tiff = new MemoryStream();
        image.Save(tiff, new TiffEncoder());
        return tiff.ToArray();
    }

    /// <summary>A small, valid animated GIF made by ImageSharp.</summary>
    public static byte[] AnimatedGif(int frames)
    {
        using var image = new Image<Rgba32>(32, 32, new Rgba32(10, 120, 200));
        for (var i = 1; i < frames; i++)
        {
            using var frame = new Image<Rgba32>(32, 32, new Rgba32((byte)(i * 40), 50, 50));
            image.Frames.AddFrame(frame.Frames.RootFrame);
        }

        using var gif = new MemoryStream();
        image.SaveAsGif(gif);
        return gif.ToArray();
    }

    /// <summary>A GIF of <paramref name="frames"/> frames of width × height, each a few bytes long: a decompression bomb.</summary>
    public static byte[] GifBomb(int width, int height, int frames)
    {
        var gif = new List<byte>();
        gif.AddRange("GIF89a"u8.ToArray());
        gif.AddRange([.. Le16(width), .. Le16(height), 0x80, 0, 0]); // global colour table of 2 entries
        gif.AddRange([0, 0, 0, 255, 255, 255]);
        for (var i = 0; i < frames; i++)
        {
            gif.AddRange([0x2C, 0, 0, 0, 0, .. Le16(width), .. Le16(height), 0]);
            gif.AddRange([0x02, 0x02, 0x4C, 0x01, 0x00]); // LZW code size 2, one tiny sub-block, terminator
        }

        gif.Add(0x3B);
        return [.. gif];
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/>, with every CRC right.</summary>
    public static byte[] PngHeaderClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        return [.. Png()[..8], .. Chunk("IHDR", ihdr), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    /// <summary>A PNG with whole chunks and right CRCs whose compressed pixels are garbage: only the decoder notices.</summary>
    public static byte[] PngWithGarbagePixels()
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, 64);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 64);
        ihdr[8] = 8;
        ihdr[9] = 6;
        return [.. Png()[..8], .. Chunk("IHDR", ihdr), .. Chunk("IDAT", Encoding.ASCII.GetBytes("this is not zlib at all, not even close")), .. Chunk("IEND", [])];
    }

    public static byte[] Truncated(byte[] file) => file[..(file.Length / 2)];

    /// <summary>The file with one byte of its last IDAT chunk's data changed, so that chunk's CRC no longer matches.</summary>
    public static byte[] WithBadCrc(byte[] png)
    {
        var copy = png.ToArray();
        var idat = copy.AsSpan().LastIndexOf("IDAT"u8);
        copy[idat + 8] ^= 0xFF;
        return copy;
    }

    /// <summary>A GIF that is also JavaScript (<c>GIF89a/*…*/=alert(1)</c>): served as a script it would run.</summary>
    public static byte[] GifJavaScriptPolyglot() =>
        [.. "GIF89a/*"u8.ToArray(), 0x0A, 0x00, 0x00, 0x00, 0x00, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x4C, 0x01, 0x00, 0x3B,
            .. "*/=alert(document.domain);//"u8.ToArray()];

    public static byte[] Svg() => "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>"u8.ToArray();

    private static byte[] Le16(int value) => [(byte)value, (byte)(value >> 8)];

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeAndData = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), PngCrc.Of(typeAndData));
        return chunk;
    }
}
