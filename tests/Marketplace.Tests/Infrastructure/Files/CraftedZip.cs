using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Marketplace.Tests.Infrastructure.Files;

/// <summary>
/// Writes a ZIP byte by byte, so a test can say what a ZIP library never would: sizes that lie, names that climb out,
/// symbolic links, encrypted flags, and gigabytes of zeros in a few megabytes (<see cref="DeflatedZeros"/>).
/// </summary>
public sealed class CraftedZip
{
    private const ushort Stored = 0, Deflated = 8;
    private readonly List<Entry> _entries = [];

    /// <param name="Name">The entry's name, written as UTF-8.</param>
    /// <param name="Data">The bytes as stored in the archive (already compressed when the method is deflate).</param>
    /// <param name="Method">0 stored, 8 deflated.</param>
    /// <param name="Crc">The CRC-32 the headers claim.</param>
    /// <param name="DeclaredSize">The uncompressed size the headers claim.</param>
    /// <param name="ExternalAttributes">Unix mode in the upper 16 bits when set.</param>
    /// <param name="Flags">General purpose flags: bit 0 is "encrypted".</param>
    public sealed record Entry(string Name, byte[] Data, ushort Method, uint Crc, long DeclaredSize, uint ExternalAttributes = 0, ushort Flags = 0);

    public CraftedZip Add(Entry entry)
    {
        _entries.Add(entry);
        return this;
    }

    /// <summary>An entry stored as is, with honest size and CRC.</summary>
    public CraftedZip Add(string name, byte[] content, uint externalAttributes = 0, ushort flags = 0) =>
        Add(new Entry(name, content, Stored, Crc32.Of(content), content.Length, externalAttributes, flags));

    /// <summary>An entry of <paramref name="zeros"/> zero bytes, deflated, declaring <paramref name="declared"/> (honest by default).</summary>
    public CraftedZip AddZeros(string name, long zeros, long? declared = null) =>
        Add(new Entry(name, DeflatedZeros(zeros), Deflated, Crc32.OfZeros(zeros), declared ?? zeros));

    public byte[] ToArray()
    {
        using var zip = new MemoryStream();
        var directory = new MemoryStream();
        foreach (var entry in _entries)
        {
            var name = Encoding.UTF8.GetBytes(entry.Name);
            var offset = (uint)zip.Position;
            zip.Write(Header(0x04034B50, entry, name, centralOffset: null));
            zip.Write(entry.Data);
            directory.Write(Header(0x02014B50, entry, name, offset));
        }

        var directoryOffset = (uint)zip.Position;
        directory.Position = 0;
        directory.CopyTo(zip);
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054B50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)directory.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), directoryOffset);
        zip.Write(end);
        return zip.ToArray();
    }

    /// <summary>
    /// A deflate stream that inflates to <paramref name="count"/> zeros, made without compressing them: one megabyte of
    /// zeros deflated up to a sync flush (byte-aligned, with every back-reference inside zeros), repeated, then an
    /// empty final block. About a thousandth of the output's size, which is deflate's best.
    /// </summary>
    public static byte[] DeflatedZeros(long count)
    {
        const int chunk = 1 << 20;
        var block = FlushedBlock(new byte[chunk]);
        var output = new MemoryStream();
        for (var i = 0L; i < count / chunk; i++)
        {
            output.Write(block);
        }

        if (count % chunk != 0)
        {
            output.Write(FlushedBlock(new byte[count % chunk]));
        }

        output.Write([0x03, 0x00]); // a final, empty block with fixed codes
        return output.ToArray();
    }

    /// <summary>Deflates a ZIP's bytes as another ZIP's entry, with honest sizes.</summary>
    public CraftedZip AddDeflated(string name, byte[] content)
    {
        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(content);
        }

        return Add(new Entry(name, deflated.ToArray(), Deflated, Crc32.Of(content), content.Length));
    }

    private static byte[] FlushedBlock(byte[] data)
    {
        using var deflated = new MemoryStream();
        using var deflate = new DeflateStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(data);
        deflate.Flush(); // a sync flush: ends on a byte boundary, the stream left open
        return deflated.ToArray();
    }

    private static byte[] Header(uint signature, Entry entry, byte[] name, uint? centralOffset)
    {
        var central = centralOffset is not null;
        var header = new byte[(central ? 46 : 30) + name.Length];
        var at = central ? 2 : 0; // the central record has "version made by" before what both share
        BinaryPrimitives.WriteUInt32LittleEndian(header, signature);
        if (central)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 0x0314); // made on Unix, spec 2.0
        }

        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4 + at), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6 + at), (ushort)(entry.Flags | 0x0800)); // UTF-8 names
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8 + at), entry.Method);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(14 + at), entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(18 + at), (uint)entry.Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(22 + at), (uint)entry.DeclaredSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(26 + at), (ushort)name.Length);
        if (central)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(38), entry.ExternalAttributes);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(42), centralOffset!.Value);
        }

        name.CopyTo(header, central ? 46 : 30);
        return header;
    }
}
