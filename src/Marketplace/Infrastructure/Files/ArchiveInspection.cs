using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Marketplace.Infrastructure.Files;

/// <summary>
/// Checks a ZIP (or EPUB) without extracting it anywhere. Its directory is bounded and read first
/// (<see cref="ZipDirectory"/>); every entry's name, type, method and claimed sizes are checked before a byte is
/// unpacked; then every entry is unpacked into nothing, counted and CRC-checked against what it claimed. Claimed sizes
/// are never trusted: unpacking stops the moment an entry gives one byte more than it claimed, or the total passes
/// <see cref="FileLimits.MaxUnpackedBytes"/>, so the work is bounded whatever the headers say. Archives inside it are
/// checked the same way, to <see cref="FileLimits.MaxNesting"/>, their entries and bytes counting toward the same totals.
/// </summary>
public sealed class ArchiveInspection(FileLimits limits)
{
    private const string Damaged = ZipDirectory.Damaged;
    private const ushort Stored = 0, Deflated = 8;
    private static ReadOnlySpan<byte> LocalHeader => "PK\x03\x04"u8;

    public int Entries { get; private set; }

    public long UnpackedBytes { get; private set; }

    /// <summary>Why the archive at <paramref name="path"/> is refused, or null when every entry checked out.</summary>
    public Task<string?> RefusalAsync(string path, CancellationToken ct) => RefusalAsync(path, depth: 0, ct);

    private async Task<string?> RefusalAsync(string path, int depth, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        var (records, refusal) = ZipDirectory.Read(file, limits.MaxEntries - Entries);
        if (refusal is not null)
        {
            return refusal;
        }

        Entries += records.Count;
        if (EntryRefusal(records) is { } entryRefusal)
        {
            return entryRefusal;
        }

        var buffer = new byte[80 * 1024];
        foreach (var record in records)
        {
            var nested = Path.Combine(Path.GetDirectoryName(path)!, $"{Guid.CreateVersion7():N}.nested");
            try
            {
                var (contentRefusal, isArchive) = await UnpackAsync(file, record, buffer, nested, depth, ct);
                if ((contentRefusal ?? (isArchive ? await RefusalAsync(nested, depth + 1, ct) : null)) is { } found)
                {
                    return found;
                }
            }
            catch (InvalidDataException)
            {
                return Damaged; // deflate data that does not decode
            }
            finally
            {
                File.Delete(nested);
            }
        }

        return null;
    }

    /// <summary>What the directory says about every entry, checked before a byte of any is unpacked.</summary>
    private string? EntryRefusal(IReadOnlyList<ZipRecord> records)
    {
        var declared = UnpackedBytes;
        foreach (var record in records)
        {
            var shown = ArchiveNames.Shown(record.Name);
            var refusal = ArchiveNames.Refusal(record.Name)
                ?? (ArchiveNames.IsLink(record.ExternalAttributes) ? $"The archive holds a symbolic link ({shown}); include the file itself instead." : null)
                ?? ((record.Flags & 1) != 0
                    ? "The archive is password-protected; upload it without a password (each buyer's copy is protected by its download link)."
                    : null)
                ?? (record.Method is not Stored and not Deflated
                    ? $"The archive uses a compression method we cannot check ({shown}); make it again with the standard Deflate method."
                    : null)
                ?? (record.Size > limits.RatioFloorBytes && record.Size > record.CompressedSize * limits.MaxCompressionRatio
                    ? $"The archive holds a file that unpacks to over {limits.MaxCompressionRatio} times its packed size ({shown}), " +
                        "which is how decompression bombs are made; we do not accept it."
                    : null);
            declared += record.Size;
            if ((refusal ?? (declared > limits.MaxUnpackedBytes ? TooLarge() : null)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// Unpacks one entry to its end, counting and computing its CRC: refused the moment it gives more than it claimed
    /// or than the total allows. An entry that is itself an archive is copied to <paramref name="nestedPath"/>.
    /// </summary>
    private async Task<(string? Refusal, bool IsArchive)> UnpackAsync(
        FileStream file, ZipRecord record, byte[] buffer, string nestedPath, int depth, CancellationToken ct)
    {
        if (await DataStartAsync(file, record, ct) is not { } start)
        {
            return (Damaged, false);
        }

        await using var packed = new FileWindow(file, start, record.CompressedSize);
        await using var content = record.Method == Deflated ? new DeflateStream(packed, CompressionMode.Decompress) : (Stream)packed;
        FileStream? nested = null;
        var crc = new Crc32();
        long produced = 0;
        try
        {
            for (int read; (read = await content.ReadAsync(buffer, ct)) > 0;)
            {
                produced += read;
                UnpackedBytes += read;
                if (produced > record.Size)
                {
                    return (Damaged, false); // more than it claimed: a lie, or damage; either way no further
                }

                if (UnpackedBytes > limits.MaxUnpackedBytes)
                {
                    return (TooLarge(), false);
                }

                crc.Append(buffer.AsSpan(0, read));
                if (produced == read && buffer.AsSpan(0, read).StartsWith(LocalHeader))
                {
                    if (depth + 1 > limits.MaxNesting)
                    {
                        return ($"The archive holds archives nested more than {limits.MaxNesting} deep; flatten it and retry.", false);
                    }

                    nested = new FileStream(nestedPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
                }

                if (nested is not null)
                {
                    await nested.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            return (produced == record.Size && crc.GetCurrentHashAsUInt32() == record.Crc ? null : Damaged, nested is not null);
        }
        finally
        {
            if (nested is not null)
            {
                await nested.DisposeAsync();
            }
        }
    }

    /// <summary>Where the entry's packed bytes start, after its local header, or null when that header is not there.</summary>
    private static async Task<long?> DataStartAsync(FileStream file, ZipRecord record, CancellationToken ct)
    {
        if (record.LocalHeaderOffset + 30 > file.Length)
        {
            return null;
        }

        var header = new byte[30];
        file.Position = record.LocalHeaderOffset;
        await file.ReadExactlyAsync(header, ct);
        var start = record.LocalHeaderOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26))
            + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        return header.AsSpan().StartsWith(LocalHeader) && record.CompressedSize <= file.Length - start ? start : null;
    }

    private string TooLarge() =>
        $"The archive unpacks to more than {ByteSizes.Describe(limits.MaxUnpackedBytes)}; split it into smaller archives.";
}
