using System.IO.Compression;
using System.Text;
using PdfSharp.Pdf;

namespace Marketplace.Tests.Infrastructure.Files;

/// <summary>
/// Product files made in the test, honest and hostile: PDFs (plain and encrypted), archives, programs dressed as
/// documents, and decompression bombs of gigabytes kept to megabytes on disk. Images are <c>HostileImages</c>'.
/// </summary>
public static class HostileFiles
{
    public const long GiB = 1L << 30;
    public const long MiB = 1L << 20;

    public static byte[] Pdf(int pages = 3, Action<PdfDocument>? secure = null)
    {
        using var document = new PdfDocument();
        document.Info.Title = "A test product";
        for (var i = 0; i < pages; i++)
        {
            document.AddPage();
        }

        secure?.Invoke(document);
        using var pdf = new MemoryStream();
        document.Save(pdf);
        return pdf.ToArray();
    }

    /// <summary>Encrypted with an owner password only: it opens without a password, with restrictions.</summary>
    public static byte[] RestrictedPdf() => Pdf(2, document =>
    {
        document.SecuritySettings.OwnerPassword = "owner-secret";
        document.SecuritySettings.PermitModifyDocument = false;
    });

    /// <summary>Encrypted with a user password: nothing in it can be read without the password.</summary>
    public static byte[] PasswordPdf() => Pdf(2, document =>
    {
        document.SecuritySettings.UserPassword = "buyer-secret";
        document.SecuritySettings.OwnerPassword = "owner-secret";
    });

    public static byte[] DamagedPdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is where the rest of it should be\n");

    /// <summary>The start of an ELF executable (x86-64), padded: what a Linux program looks like.</summary>
    public static byte[] Elf() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[56]];

    /// <summary>The start of a Windows PE executable: MZ, the DOS stub, and the PE header it points at.</summary>
    public static byte[] WindowsProgram()
    {
        var exe = new byte[256];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        exe[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(exe.AsSpan(0x80));
        return exe;
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }

        return zip.ToArray();
    }

    public static byte[] SmallZip() => Zip(("readme.txt", "Thank you for your purchase."u8.ToArray()), ("fonts/demo.otf", "OTTO"u8.ToArray()));

    /// <summary>A minimal EPUB: <c>mimetype</c> first and stored, then the container and the package document.</summary>
    public static byte[] Epub() => new CraftedZip()
        .Add("mimetype", "application/epub+zip"u8.ToArray())
        .Add("META-INF/container.xml", Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">" +
            "<rootfiles><rootfile full-path=\"book.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>"))
        .Add("book.opf", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"/>"))
        .ToArray();

    /// <summary>Honest headers, 4 GiB of zeros in four 1 GiB entries: about 4 MB on disk.</summary>
    public static byte[] ZipBomb() => new CraftedZip()
        .AddZeros("a.bin", GiB).AddZeros("b.bin", GiB).AddZeros("c.bin", GiB).AddZeros("d.bin", GiB).ToArray();

    /// <summary>
    /// One entry whose headers claim <paramref name="declared"/> bytes (a ratio any check would pass) but that inflates
    /// to a gigabyte of zeros: only counting what comes out stops it.
    /// </summary>
    public static byte[] LyingZipBomb(long declared) => new CraftedZip().AddZeros("notes.txt", GiB, declared).ToArray();

    /// <summary>Sixteen ZIPs in a ZIP, each holding a 256 MiB entry of zeros: 4 GiB in all, in a few hundred KB.</summary>
    public static byte[] NestedZipBomb()
    {
        var inner = new CraftedZip().AddZeros("layer.bin", 256 * MiB).ToArray();
        var outer = new CraftedZip();
        for (var i = 0; i < 16; i++)
        {
            outer.Add($"part-{i}.zip", inner);
        }

        return outer.ToArray();
    }

    /// <summary><paramref name="depth"/> ZIPs inside one another around one small file.</summary>
    public static byte[] NestedZip(int depth)
    {
        var content = Zip(("innermost.txt", "deep"u8.ToArray()));
        for (var i = 1; i < depth; i++)
        {
            content = Zip(($"level-{i}.zip", content));
        }

        return content;
    }

    /// <summary>Bytes that do not compress: an archive of them has a ratio of about one.</summary>
    public static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The first bytes of each accepted kind that is checked by signature only.</summary>
    public static byte[] Signature(string kind) => kind switch
    {
        "mp3 (ID3)" => [.. "ID3"u8.ToArray(), 4, 0, 0, 0, 0, 0x10, .. new byte[32]],
        "mp3 (frame)" => [0xFF, 0xFB, 0x90, 0x64, .. new byte[32]],
        "wav" => [.. "RIFF"u8.ToArray(), 36, 0, 0, 0, .. "WAVEfmt "u8.ToArray(), .. new byte[24]],
        "flac" => [.. "fLaC"u8.ToArray(), .. new byte[34]],
        "ogg" => [.. "OggS"u8.ToArray(), 0, 2, .. new byte[32]],
        "mp4" => [0, 0, 0, 24, .. "ftypisom"u8.ToArray(), 0, 0, 2, 0, .. "isommp41"u8.ToArray()],
        "ttf" => [0, 1, 0, 0, 0, 12, .. new byte[32]],
        "otf" => [.. "OTTO"u8.ToArray(), 0, 12, .. new byte[32]],
        "woff" => [.. "wOFF"u8.ToArray(), .. new byte[40]],
        "woff2" => [.. "wOF2"u8.ToArray(), .. new byte[40]],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
