using Marketplace.Infrastructure.Files;

namespace Marketplace.Features.Downloads.Watermarking;

/// <summary>Makes a buyer's copy of one kind of product file: reads the seller's file, writes the marked copy.</summary>
public interface IWatermarker
{
    /// <summary>The inspected kinds (<see cref="FileKind"/>) this engine marks.</summary>
    IReadOnlyList<FileKind> Kinds { get; }

    /// <param name="source">The seller's file as stored (a non-seekable stream is buffered first where the engine needs to seek).</param>
    /// <param name="kind">The file's inspected kind, one of <see cref="Kinds"/>.</param>
    /// <param name="mark">Who the copy is for.</param>
    /// <param name="destination">Receives the marked copy; on a refusal its content is to be discarded.</param>
    /// <param name="ct">Stops the work between steps.</param>
    Task<WatermarkResult> WatermarkAsync(Stream source, FileKind kind, LicenseMark mark, Stream destination, CancellationToken ct);
}
