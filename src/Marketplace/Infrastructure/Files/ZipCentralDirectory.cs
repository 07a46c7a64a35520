namespace Marketplace.Infrastructure.Files;

/// <summary>A ZIP's central directory: its records parsed, and as the archive holds it, for a writer that copies it.</summary>
/// <param name="Records">The entries, in directory order.</param>
/// <param name="Bytes">The directory's bytes, one record after another.</param>
/// <param name="Offset">Where the directory starts in the archive (every entry's data ends before it).</param>
/// <param name="Zip64">Whether the archive needed ZIP64 end records to say where its directory is.</param>
public sealed record ZipCentralDirectory(IReadOnlyList<ZipRecord> Records, byte[] Bytes, long Offset, bool Zip64);
