using System.Buffers.Binary;

namespace Marketplace.Infrastructure.Files;

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

    private const int EndLength = 22;
    private const uint EndSignature = 0x06054B50, Zip64EndSignature = 0x06064B50, Zip64LocatorSignature = 0x07064B50;

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
        return ZipRecords.Parse(bytes, entries) is { } records ? (new ZipCentralDirectory(records, bytes, offset, isZip64), null) : (null, Damaged);
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

    public static byte[] ReadAt(Stream archive, long offset, int length)
    {
        var bytes = new byte[length];
        archive.Position = offset;
        archive.ReadExactly(bytes);
        return bytes;
    }
}
