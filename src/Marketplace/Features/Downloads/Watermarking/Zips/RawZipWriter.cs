using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Marketplace.Infrastructure.Files;

namespace Marketplace.Features.Downloads.Watermarking.Zips;

/// <summary>
/// Writes a copy of an archive with one stored entry added and a new comment, copying every existing entry as raw
/// bytes: its local header, compressed data and data descriptor exactly as they were; only the central directory's
/// local-header offsets are rewritten. Nothing is decompressed or recompressed. Classic (not ZIP64) archives only.
/// </summary>
public static class RawZipWriter
{
    private const uint LocalSignature = 0x04034B50, CentralSignature = 0x02014B50, EndSignature = 0x06054B50, DescriptorSignature = 0x08074B50;
    private const int LocalLength = 30, CentralLength = 46;

    /// <summary>Where one entry's bytes are in the source: local header to the end of its data descriptor.</summary>
    public sealed record Span(long Start, long Length);

    /// <summary>Every entry's raw span, or null when a local header does not agree with the directory or runs past it.</summary>
    public static Span[]? Spans(Stream archive, ZipCentralDirectory directory)
    {
        var spans = new Span[directory.Records.Count];
        for (var i = 0; i < spans.Length; i++)
        {
            var record = directory.Records[i];
            if (record.LocalHeaderOffset + LocalLength > directory.Offset)
            {
                return null;
            }

            var local = ZipDirectory.ReadAt(archive, record.LocalHeaderOffset, LocalLength);
            if (BinaryPrimitives.ReadUInt32LittleEndian(local) != LocalSignature)
            {
                return null;
            }

            var end = record.LocalHeaderOffset + LocalLength + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(26))
                + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(28)) + record.CompressedSize;
            if ((record.Flags & 0x0008) != 0 && end + 12 <= directory.Offset)
            {
                // A data descriptor follows the data: CRC and sizes, with or without its optional signature.
                end += BinaryPrimitives.ReadUInt32LittleEndian(ZipDirectory.ReadAt(archive, end, 4)) == DescriptorSignature ? 16 : 12;
            }

            if (end > directory.Offset)
            {
                return null;
            }

            spans[i] = new Span(record.LocalHeaderOffset, end - record.LocalHeaderOffset);
        }

        return spans;
    }

    public static async Task WriteAsync(
        Stream archive, ZipCentralDirectory directory, Span[] spans, string name, byte[] content, string comment, Stream destination, CancellationToken ct)
    {
        var offsets = new uint[spans.Length];
        long written = 0;
        var buffer = new byte[128 * 1024];
        for (var i = 0; i < spans.Length; i++)
        {
            offsets[i] = (uint)written;
            archive.Position = spans[i].Start;
            for (var left = spans[i].Length; left > 0;)
            {
                var read = await archive.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct);
                if (read == 0)
                {
                    throw new EndOfStreamException();
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), ct);
                left -= read;
            }

            written += spans[i].Length;
        }

        var nameBytes = Encoding.UTF8.GetBytes(name);
        var (time, date) = DosTime(DateTime.UtcNow);
        var crc = Crc32.HashToUInt32(content);
        var licenceOffset = (uint)written;
        var local = Header(LocalLength, LocalSignature, nameBytes, crc, content.Length, time, date);
        await destination.WriteAsync(local, ct);
        await destination.WriteAsync(content, ct);
        written += local.Length + content.Length;

        var central = Rebased(directory.Bytes, offsets);
        var licence = Header(CentralLength, CentralSignature, nameBytes, crc, content.Length, time, date);
        BinaryPrimitives.WriteUInt32LittleEndian(licence.AsSpan(42), licenceOffset);
        await destination.WriteAsync(central, ct);
        await destination.WriteAsync(licence, ct);

        var commentBytes = Encoding.ASCII.GetBytes(comment);
        var end = new byte[22 + commentBytes.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)(spans.Length + 1));
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)(spans.Length + 1));
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)(central.Length + licence.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), (uint)written);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(20), (ushort)commentBytes.Length);
        commentBytes.CopyTo(end.AsSpan(22));
        await destination.WriteAsync(end, ct);
    }

    /// <summary>Whether a raw central record keeps a size or offset in a ZIP64 extra field.</summary>
    public static bool UsesZip64(ZipCentralDirectory directory)
    {
        for (var at = 0; at < directory.Bytes.Length; at += RecordLength(directory.Bytes, at))
        {
            var record = directory.Bytes.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record[20..]) == uint.MaxValue || BinaryPrimitives.ReadUInt32LittleEndian(record[24..]) == uint.MaxValue
                || BinaryPrimitives.ReadUInt32LittleEndian(record[42..]) == uint.MaxValue)
            {
                return true;
            }
        }

        return directory.Zip64;
    }

    /// <summary>The directory's records with each local-header offset set to where the entry now is.</summary>
    private static byte[] Rebased(byte[] directory, uint[] offsets)
    {
        var copy = (byte[])directory.Clone();
        for (int at = 0, i = 0; at < copy.Length; at += RecordLength(copy, at), i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(at + 42), offsets[i]);
        }

        return copy;
    }

    private static int RecordLength(byte[] directory, int at) => CentralLength + BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(at + 28))
        + BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(at + 30)) + BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(at + 32));

    /// <summary>A local header (30) or central record (46) of a stored, UTF-8-named entry; offsets left zero.</summary>
    private static byte[] Header(int length, uint signature, byte[] name, uint crc, int size, ushort time, ushort date)
    {
        var header = new byte[length + name.Length];
        var fields = header.AsSpan(length == CentralLength ? 4 : 2);
        BinaryPrimitives.WriteUInt32LittleEndian(header, signature);
        if (length == CentralLength)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 20); // made by version 2.0 (MS-DOS attributes)
        }

        BinaryPrimitives.WriteUInt16LittleEndian(fields[2..], 20); // version needed: 2.0
        BinaryPrimitives.WriteUInt16LittleEndian(fields[4..], 0x0800); // the name is UTF-8
        BinaryPrimitives.WriteUInt16LittleEndian(fields[8..], time);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[10..], date);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[12..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[16..], (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[20..], (uint)size);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[24..], (ushort)name.Length);
        name.CopyTo(header.AsSpan(length));
        return header;
    }

    private static (ushort Time, ushort Date) DosTime(DateTime at) =>
        ((ushort)((at.Hour << 11) | (at.Minute << 5) | (at.Second / 2)), (ushort)(((at.Year - 1980) << 9) | (at.Month << 4) | at.Day));
}
