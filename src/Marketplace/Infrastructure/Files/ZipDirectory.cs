using System.Buffers.Binary;
using System.Text;

namespace Marketplace.Infrastructure.Files;

/// <summary>One entry as the ZIP's central directory describes it: claims, every one to be checked.</summary>
/// <param name="Name">UTF-8 when the entry says so, else read as Latin-1 (what matters here, <c>.</c>, <c>/</c>, <c>\</c>, <c>:</c> and controls, is ASCII either way).</param>
/// <param name="Flags">General purpose flags: bit 0 means encrypted.</param>
/// <param name="Method">0 stored, 8 deflated; anything else we do not read.</param>
/// <param name="Crc">CRC-32 of the unpacked bytes.</param>
/// <param name="CompressedSize">Bytes in the archive.</param>
/// <param name="Size">Bytes once unpacked, as claimed.</param>
/// <param name="LocalHeaderOffset">Where the entry's local header starts.</param>
/// <param name="ExternalAttributes">Unix mode in the upper 16 bits, for archives made on Unix.</param>
public sealed record ZipRecord(
    string Name, ushort Flags, ushort Method, uint Crc, long CompressedSize, long Size, long LocalHeaderOffset, uint ExternalAttributes);

/// <summary>
/// Reads a ZIP's end records and central directory itself, bounded before anything is allocated from them: the entry
/// count against the limit, the directory's bytes against <see cref="BytesPerEntry"/> per entry, every record whole
/// inside it. (System.IO.Compression would read every record it is told of into memory first.)
/// </summary>
public static class ZipDirectory
{
    /// <summary>Central directory bytes allowed per entry on average: a record is 46 bytes plus a name and extras.</summary>
    public const int BytesPerEntry = 1024;

    public const string Damaged = "The archive is damaged or incomplete; make it again and retry.";

    private const int EndLength = 22, RecordLength = 46;
    private const uint EndSignature = 0x06054B50, Zip64EndSignature = 0x06064B50, Zip64LocatorSignature = 0x07064B50;
    private const uint RecordSignature = 0x02014B50;

    /// <summary>The entries, or why the archive is refused: damaged, split, empty, or with too many entries.</summary>
    public static (IReadOnlyList<ZipRecord> Records, string? Refusal) Read(Stream archive, int maxEntries)
    {
        var (directory, refusal) = ReadDirectory(archive, maxEntries);
        return (directory?.Records ?? [], refusal);
    }

    /// <summary>The central directory, or why the archive is refused (as <see cref="Read"/>).</summary>
    public static (ZipCentralDirectory? Directory, string? Refusal) ReadDirectory(Stream archive, int maxEntries)
    {
        if (archive.Length < EndLength)
        {
            return (null, Damaged);
        }

        var tailLength = (int)Math.Min(archive.Length, EndLength + ushort.MaxValue);
        var tail = ReadAt(archive, archive.Length - tailLength, tailLength);
        var end = LastEndRecord(tail);
        if (end < 0)
        {
            return (null, Damaged);
        }

        var record = tail.AsSpan(end);
        var endOffset = archive.Length - tailLength + end;
        long entries = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
        var split = BinaryPrimitives.ReadUInt16LittleEndian(record[4..]) != 0 || BinaryPrimitives.ReadUInt16LittleEndian(record[8..]) != entries;
        var isZip64 = entries == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue;
        if (isZip64)
        {
            if (Zip64End(archive, endOffset) is not { } zip64)
            {
                return (null, Damaged);
            }

            (entries, size, offset, split) = (zip64.Entries, zip64.Size, zip64.Offset, false);
        }

        if (split || entries == 0 || entries > maxEntries || size > (long)maxEntries * BytesPerEntry || offset < 0 || size < 0 || offset + size > endOffset)
        {
            return (null, split ? "The archive is split into parts; upload it as one ZIP file."
                : entries == 0 ? "The archive is empty."
                : entries > maxEntries || size > (long)maxEntries * BytesPerEntry ? $"The archive has too many files; at most {maxEntries:N0} are accepted."
                : Damaged);
        }

        var bytes = ReadAt(archive, offset, (int)size);
        return Records(bytes, entries) is { } records ? (new ZipCentralDirectory(records, bytes, offset, isZip64), null) : (null, Damaged);
    }

    private static int LastEndRecord(byte[] tail)
    {
        for (var at = tail.Length - EndLength; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) == EndSignature &&
                at + EndLength + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 20)) == tail.Length)
            {
                return at;
            }
        }

        return -1;
    }

    private static (long Entries, long Size, long Offset)? Zip64End(Stream archive, long endOffset)
    {
        if (endOffset < 20)
        {
            return null;
        }

        var locator = ReadAt(archive, endOffset - 20, 20);
        var at = BinaryPrimitives.ReadInt64LittleEndian(locator.AsSpan(8));
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature || at < 0 || at + 56 > endOffset - 20)
        {
            return null;
        }

        var end = ReadAt(archive, at, 56);
        return BinaryPrimitives.ReadUInt32LittleEndian(end) != Zip64EndSignature
            ? null
            : (BinaryPrimitives.ReadInt64LittleEndian(end.AsSpan(32)), BinaryPrimitives.ReadInt64LittleEndian(end.AsSpan(40)),
                BinaryPrimitives.ReadInt64LittleEndian(end.AsSpan(48)));
    }

    /// <summary>Exactly <paramref name="entries"/> records, each whole inside the directory and nothing after them; else null.</summary>
    private static List<ZipRecord>? Records(byte[] directory, long entries)
    {
        var records = new List<ZipRecord>((int)entries);
        var at = 0;
        for (var i = 0; i < entries; i++)
        {
            if (at + RecordLength > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) != RecordSignature)
            {
                return null;
            }

            var header = directory.AsSpan(at);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]), extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            var next = at + RecordLength + nameLength + extraLength + BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            if (next > directory.Length || Record(header[..(next - at)], nameLength, extraLength) is not { } record)
            {
                return null;
            }

            records.Add(record);
            at = next;
        }

        return at == directory.Length ? records : null;
    }

    private static ZipRecord? Record(ReadOnlySpan<byte> header, int nameLength, int extraLength)
    {
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        var nameBytes = header.Slice(RecordLength, nameLength);
        long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
        if (size == uint.MaxValue || compressed == uint.MaxValue || offset == uint.MaxValue)
        {
            // Zip64: the real values are in the extra field 0x0001, each present only where the header has all ones.
            var zip64 = Zip64Extra(header.Slice(RecordLength + nameLength, extraLength));
            var at = 0;
            size = size == uint.MaxValue ? Next(zip64, ref at) : size;
            compressed = compressed == uint.MaxValue ? Next(zip64, ref at) : compressed;
            offset = offset == uint.MaxValue ? Next(zip64, ref at) : offset;
            if (size < 0 || compressed < 0 || offset < 0)
            {
                return null;
            }
        }

        var name = (flags & 0x0800) != 0 ? Encoding.UTF8.GetString(nameBytes) : Encoding.Latin1.GetString(nameBytes);
        return new ZipRecord(name, flags, BinaryPrimitives.ReadUInt16LittleEndian(header[10..]),
            BinaryPrimitives.ReadUInt32LittleEndian(header[16..]), compressed, size, offset, BinaryPrimitives.ReadUInt32LittleEndian(header[38..]));
    }

    private static ReadOnlySpan<byte> Zip64Extra(ReadOnlySpan<byte> extra)
    {
        while (extra.Length >= 4)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (BinaryPrimitives.ReadUInt16LittleEndian(extra) == 0x0001)
            {
                return extra[4..Math.Min(extra.Length, 4 + length)];
            }

            extra = extra[Math.Min(extra.Length, 4 + length)..];
        }

        return [];
    }

    private static long Next(ReadOnlySpan<byte> values, ref int at)
    {
        var value = at + 8 <= values.Length ? BinaryPrimitives.ReadInt64LittleEndian(values[at..]) : -1;
        at += 8;
        return value;
    }

    public static byte[] ReadAt(Stream archive, long offset, int length)
    {
        var bytes = new byte[length];
        archive.Position = offset;
        archive.ReadExactly(bytes);
        return bytes;
    }
}
