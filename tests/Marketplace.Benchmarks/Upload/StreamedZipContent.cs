using System.Buffers.Binary;
using System.IO.Hashing;
using System.Net;
using System.Text;

namespace Marketplace.Benchmarks.Upload;

/// <summary>
/// A ZIP archive written while it is sent, never held in memory: <c>entries</c> stored (method 0, as footage or
/// already-compressed media are packed) with random, incompressible bytes made 64 KiB at a time. As streaming zip
/// writers do, each local header announces a data descriptor (flag bit 3) that follows the entry with its CRC-32 and
/// sizes, and the central directory at the end repeats them. Its length is known beforehand, so it is sent with a
/// Content-Length.
/// </summary>
public sealed class StreamedZipContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;
    private const ushort Flags = 0x0808; // data descriptor follows; UTF-8 names
    private const ushort DosTime = (12 << 11) | (0 << 5), DosDate = ((2026 - 1980) << 9) | (12 << 5) | 4;
    private readonly (byte[] Name, long Size)[] _entries;

    public StreamedZipContent(IEnumerable<(string Name, long Size)> entries)
    {
        _entries = [.. entries.Select(e => (Encoding.UTF8.GetBytes(e.Name), e.Size))];
        if (_entries.Any(e => e.Size >= uint.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(entries), "Entries of 4 GiB or more need Zip64, which this writer does not make.");
        }

        Length = _entries.Sum(e => 30 + e.Name.Length + e.Size + 16 + 46 + e.Name.Length) + 22;
        Headers.ContentType = new("application/zip");
    }

    public long Length { get; }

    /// <summary>Bytes handed to the connection so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>The <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> at which the last byte was handed to the connection; 0 before.</summary>
    public long FinishedTimestamp { get; private set; }

    private long _written;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var random = new Random();
        var chunk = new byte[ChunkSize];
        var directory = new List<(byte[] Name, uint Crc, long Size, long Offset)>();
        long offset = 0;
        foreach (var (name, size) in _entries)
        {
            var header = new byte[30 + name.Length];
            Write(header, 0, 0x04034B50u, (ushort)20, Flags, (ushort)0, DosTime, DosDate, 0u, 0u, 0u, (ushort)name.Length, (ushort)0);
            name.CopyTo(header, 30);
            await WriteAsync(stream, header, cancellationToken);
            var crc = new Crc32();
            for (var left = size; left > 0; left -= ChunkSize)
            {
                var part = chunk.AsMemory(0, (int)Math.Min(ChunkSize, left));
                random.NextBytes(part.Span);
                crc.Append(part.Span);
                await WriteAsync(stream, part, cancellationToken);
            }

            var descriptor = new byte[16];
            Write(descriptor, 0, 0x08074B50u, crc.GetCurrentHashAsUInt32(), (uint)size, (uint)size);
            await WriteAsync(stream, descriptor, cancellationToken);
            directory.Add((name, crc.GetCurrentHashAsUInt32(), size, offset));
            offset += header.Length + size + descriptor.Length;
        }

        var start = offset;
        foreach (var (name, crc, size, at) in directory)
        {
            var record = new byte[46 + name.Length];
            Write(record, 0, 0x02014B50u, (ushort)0x031E, (ushort)20, Flags, (ushort)0, DosTime, DosDate, crc, (uint)size, (uint)size,
                (ushort)name.Length, (ushort)0, (ushort)0, (ushort)0, (ushort)0, 0x81A40000u /* regular file, rw-r--r-- */, (uint)at);
            name.CopyTo(record, 46);
            await WriteAsync(stream, record, cancellationToken);
            offset += record.Length;
        }

        var end = new byte[22];
        Write(end, 0, 0x06054B50u, (ushort)0, (ushort)0, (ushort)directory.Count, (ushort)directory.Count, (uint)(offset - start), (uint)start, (ushort)0);
        await WriteAsync(stream, end, cancellationToken);
        FinishedTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    private async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        await stream.WriteAsync(bytes, ct);
        Interlocked.Add(ref _written, bytes.Length);
    }

    /// <summary>Little-endian fields, one after another from <paramref name="at"/>: each <see cref="ushort"/> two bytes, each <see cref="uint"/> four.</summary>
    private static void Write(byte[] buffer, int at, params object[] fields)
    {
        foreach (var field in fields)
        {
            if (field is ushort small)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(at), small);
                at += 2;
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(at), (uint)field);
                at += 4;
            }
        }
    }
}
