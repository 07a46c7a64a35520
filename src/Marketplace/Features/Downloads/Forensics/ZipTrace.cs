using System.IO.Compression;
using System.Text;
using Marketplace.Features.Downloads.Watermarking.Zips;
using Marketplace.Infrastructure.Files;

namespace Marketplace.Features.Downloads.Forensics;

/// <summary>
/// Reads a ZIP's mark: the entitlement id in the archive comment, or in a licence file at its root (read whether
/// stored, as we write it, or deflated, as a leaker's re-zip would leave it; at most 64 KiB of it).
/// </summary>
public static class ZipTrace
{
    private const int LicenceBytes = 64 * 1024;

    public static TraceResult Trace(Stream file, int maxEntries)
    {
        try
        {
            // The comment is the last thing in the archive: the tail holds it whole.
            var tailLength = (int)Math.Min(file.Length, 22 + ushort.MaxValue);
            var tail = Encoding.Latin1.GetString(ZipDirectory.ReadAt(file, file.Length - tailLength, tailLength));
            if (ZipLicence.EntitlementIn(tail[Math.Max(0, tail.LastIndexOf("PK\u0005\u0006", StringComparison.Ordinal))..]) is { } id)
            {
                return new TraceResult.Found(id, "ZIP comment");
            }

            var (directory, _) = ZipDirectory.ReadDirectory(file, maxEntries);
            foreach (var record in directory?.Records.Where(record => ZipLicence.IsLicenceName(record.Name)) ?? [])
            {
                if (ZipLicence.EntitlementIn(Licence(file, record)) is { } licensed)
                {
                    return new TraceResult.Found(licensed, "ZIP licence file");
                }
            }

            return new TraceResult.NoMark(TraceResult.Clean);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or ArgumentException)
        {
            return new TraceResult.NoMark("No mark found: the archive could not be read.");
        }
    }

    private static string Licence(Stream file, ZipRecord record)
    {
        var header = ZipDirectory.ReadAt(file, record.LocalHeaderOffset, 30);
        file.Position = record.LocalHeaderOffset + 30 + BitConverter.ToUInt16(header, 26) + BitConverter.ToUInt16(header, 28);
        var data = new byte[Math.Min(record.CompressedSize, LicenceBytes)];
        file.ReadExactly(data);
        if (record.Method == 0)
        {
            return Encoding.UTF8.GetString(data);
        }

        using var inflated = new DeflateStream(new MemoryStream(data), CompressionMode.Decompress);
        var text = new byte[LicenceBytes];
        var length = inflated.ReadAtLeast(text, text.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(text, 0, length);
    }
}
