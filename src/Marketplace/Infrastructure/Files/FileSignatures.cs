using System.Buffers.Binary;
using Marketplace.Infrastructure.Images;

namespace Marketplace.Infrastructure.Files;

/// <summary>
/// Recognises a file by its first bytes (its magic number), never by its name or a declared Content-Type; and names
/// the common things we refuse, so the refusal can say what the file was.
/// </summary>
public static class FileSignatures
{
    /// <summary>How much of the file's start <see cref="KindOf"/> and <see cref="Describe"/> look at.</summary>
    public const int HeadLength = 4096;

    // Major brands of ISO media files that are audio or video; HEIC, AVIF and the like share the box but not the brand.
    private static readonly HashSet<string> Mp4Brands = new(StringComparer.Ordinal)
    {
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4A ", "M4B ", "M4V ", "M4VH", "M4VP",
        "dash", "mmp4", "f4v ", "qt  ",
    };

    public static FileKind? KindOf(ReadOnlySpan<byte> head)
    {
        if (ImageContainer.KindOf(head) is { } image)
        {
            return image switch
            {
                ImageKind.Png => FileKind.Png,
                ImageKind.Jpeg => FileKind.Jpeg,
                ImageKind.Gif => FileKind.Gif,
                _ => FileKind.Webp,
            };
        }

        return head.StartsWith("%PDF-"u8) ? FileKind.Pdf
            : head.StartsWith("PK\x03\x04"u8) ? IsEpub(head) ? FileKind.Epub : FileKind.Zip
            : head.StartsWith("fLaC"u8) ? FileKind.Flac
            : head.StartsWith("OggS\0"u8) ? FileKind.Ogg
            : head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8) ? FileKind.Wav
            : IsId3Tag(head) || IsMpegLayer3Frame(head) ? FileKind.Mp3
            : head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && Mp4Brands.Contains(System.Text.Encoding.ASCII.GetString(head[8..12])) ? FileKind.Mp4
            : Starts(head, [0x00, 0x01, 0x00, 0x00]) || head.StartsWith("true"u8) || head.StartsWith("ttcf"u8) ? FileKind.Ttf
            : head.StartsWith("OTTO"u8) ? FileKind.Otf
            : head.StartsWith("wOFF"u8) ? FileKind.Woff
            : head.StartsWith("wOF2"u8) ? FileKind.Woff2
            : null;
    }

    /// <summary>What a file we do not accept is, when it is something common enough to name ("a Windows program").</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        var text = Starts(head, [0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        text = text.TrimStart(" \t\r\n"u8);
        return Starts(head, [0x7F, (byte)'E', (byte)'L', (byte)'F']) ? "a Linux program (ELF)"
            : head.StartsWith("MZ"u8) ? "a Windows program (EXE or DLL)"
            : Starts(head, [0xCF, 0xFA, 0xED, 0xFE]) || Starts(head, [0xCE, 0xFA, 0xED, 0xFE])
                || Starts(head, [0xFE, 0xED, 0xFA, 0xCF]) || Starts(head, [0xFE, 0xED, 0xFA, 0xCE]) ? "a macOS program (Mach-O)"
            : Starts(head, [0xCA, 0xFE, 0xBA, 0xBE]) ? "a program (Java class or macOS universal binary)"
            : head.StartsWith("#!"u8) ? "a script"
            : text.StartsWith("<"u8) ? "a web page, SVG image or XML document"
            : head.StartsWith("%!PS"u8) ? "a PostScript document"
            : head.StartsWith("{\\rtf"u8) ? "an RTF document"
            : head.StartsWith("Rar!"u8) ? "a RAR archive"
            : Starts(head, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) ? "a 7-Zip archive"
            : Starts(head, [0x1F, 0x8B]) ? "a gzip archive"
            : head.StartsWith("PK\x05\x06"u8) ? "an empty ZIP archive"
            : Starts(head, [0xD0, 0xCF, 0x11, 0xE0]) ? "an old Microsoft Office document"
            : head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) ? "a TIFF image"
            : null;
    }

    private static bool Starts(ReadOnlySpan<byte> head, ReadOnlySpan<byte> magic) => head.StartsWith(magic);

    /// <summary>An EPUB's first entry is <c>mimetype</c>, stored uncompressed, holding <c>application/epub+zip</c>.</summary>
    private static bool IsEpub(ReadOnlySpan<byte> head)
    {
        if (head.Length < 30 || BinaryPrimitives.ReadUInt16LittleEndian(head[8..]) != 0)
        {
            return false;
        }

        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[26..]);
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head[28..]);
        var data = 30 + nameLength + extraLength;
        return nameLength == 8 && head[30..38].SequenceEqual("mimetype"u8)
            && head.Length >= data + 20 && head.Slice(data, 20).SequenceEqual("application/epub+zip"u8);
    }

    /// <summary>An ID3v2 tag: "ID3", a major version 2 to 4, and a size of four 7-bit bytes.</summary>
    private static bool IsId3Tag(ReadOnlySpan<byte> head) =>
        head.Length >= 10 && head.StartsWith("ID3"u8) && head[3] is >= 2 and <= 4
        && head[6] < 0x80 && head[7] < 0x80 && head[8] < 0x80 && head[9] < 0x80;

    /// <summary>An MPEG audio frame header: 11 sync bits, layer III, a bitrate and sample rate that are not reserved.</summary>
    private static bool IsMpegLayer3Frame(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x18) != 0x08
        && (head[1] & 0x06) == 0x02 && (head[2] & 0xF0) is not 0x00 and not 0xF0 && (head[2] & 0x0C) != 0x0C;
}
