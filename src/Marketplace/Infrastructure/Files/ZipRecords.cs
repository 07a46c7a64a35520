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

/// <summary>The records of a central directory already read into memory (<see cref="ZipDirectory"/>), each checked whole.</summary>
internal static class ZipRecords
{
    private const int RecordLength = 46;
    private const uint RecordSignature = 0x02014B50;

    /// <summary>Exactly <paramref name="entries"/> records, each whole inside the directory and nothing after them; else null.</summary>
    public static List<ZipRecord>? Parse(byte[] directory, long entries)
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
}
