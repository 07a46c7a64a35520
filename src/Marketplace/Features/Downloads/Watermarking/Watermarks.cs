using Marketplace.Infrastructure.Files;

namespace Marketplace.Features.Downloads.Watermarking;

/// <summary>
/// The one entry point: picks the engine for a file's inspected kind; kinds no engine marks (audio, video, fonts,
/// GIF) are copied through and answered <see cref="WatermarkResult.Unchanged"/>.
/// </summary>
public sealed class Watermarks(IEnumerable<IWatermarker> engines)
{
    private readonly Dictionary<FileKind, IWatermarker> _byKind = engines
        .SelectMany(engine => engine.Kinds.Select(kind => (kind, engine)))
        .ToDictionary(pair => pair.kind, pair => pair.engine);

    /// <summary>Whether a copy of this kind is marked (false: it is served as uploaded).</summary>
    public bool Marks(FileKind kind) => _byKind.ContainsKey(kind);

    public async Task<WatermarkResult> WatermarkAsync(Stream source, FileKind kind, LicenseMark mark, Stream destination, CancellationToken ct)
    {
        if (_byKind.TryGetValue(kind, out var engine))
        {
            return await engine.WatermarkAsync(source, kind, mark, destination, ct);
        }

        await source.CopyToAsync(destination, ct);
        return new WatermarkResult.Unchanged();
    }
}
