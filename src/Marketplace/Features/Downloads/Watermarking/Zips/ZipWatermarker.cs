using System.Text;
using Marketplace.Infrastructure.Files;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Downloads.Watermarking.Zips;

/// <summary>
/// Marks a ZIP (or EPUB) by adding a licence file at its root naming buyer and order and putting the entitlement id
/// in the archive comment; every other entry is copied byte for byte (<see cref="RawZipWriter"/>). The directory is
/// read with the upload checks' reader (<see cref="ZipDirectory"/>) and held to the same rules: an entry whose
/// path climbs out of the folder, a damaged archive, or a ZIP64 one is refused, not copied.
/// </summary>
public sealed class ZipWatermarker(IOptions<FileLimits> limits) : IWatermarker
{
    public const string Zip64 = "The archive uses ZIP64 (over 4 GiB or 65,535 entries), which is served unmarked.";

    public IReadOnlyList<FileKind> Kinds { get; } = [FileKind.Zip, FileKind.Epub];

    public async Task<WatermarkResult> WatermarkAsync(Stream source, FileKind kind, LicenseMark mark, Stream destination, CancellationToken ct)
    {
        using var buffered = await Seekable.OpenAsync(source, ct);
        var archive = buffered.Stream;
        try
        {
            var (directory, refusal) = ZipDirectory.ReadDirectory(archive, limits.Value.MaxEntries);
            if (directory is null)
            {
                return new WatermarkResult.Refused(WatermarkRefusal.Damaged, refusal ?? ZipDirectory.Damaged);
            }

            if (directory.Records.Select(record => ArchiveNames.Refusal(record.Name)).FirstOrDefault(reason => reason is not null) is { } unsafeName)
            {
                return new WatermarkResult.Refused(WatermarkRefusal.Unsupported, unsafeName);
            }

            if (RawZipWriter.UsesZip64(directory) || directory.Records.Count + 1 > ushort.MaxValue || archive.Length > uint.MaxValue - (1L << 20))
            {
                return new WatermarkResult.Refused(WatermarkRefusal.Unsupported, Zip64);
            }

            if (RawZipWriter.Spans(archive, directory) is not { } spans)
            {
                return new WatermarkResult.Refused(WatermarkRefusal.Damaged, ZipDirectory.Damaged);
            }

            var name = ZipLicence.NameFor(mark, directory.Records.Select(record => record.Name));
            var content = Encoding.UTF8.GetBytes(ZipLicence.Text(mark));
            await RawZipWriter.WriteAsync(archive, directory, spans, name, content, ZipLicence.Comment(mark, name), destination, ct);
            return new WatermarkResult.Marked($"added {name} to {spans.Length} entries");
        }
        catch (EndOfStreamException)
        {
            // The source ended before a span the directory promised: a truncated archive. (A failing destination is
            // the caller's, and not caught here.)
            return new WatermarkResult.Refused(WatermarkRefusal.Damaged, ZipDirectory.Damaged);
        }
    }
}
