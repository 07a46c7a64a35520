namespace Marketplace.Features.Downloads.Watermarking;

/// <summary>
/// A seekable view of a source stream: the stream itself when it seeks (a file), else a copy in a temporary file
/// deleted on dispose (a blob store's network stream), so no engine holds a large file in memory to seek it.
/// </summary>
public sealed class Seekable : IDisposable
{
    private readonly Stream? _owned;

    private Seekable(Stream stream, Stream? owned) => (Stream, _owned) = (stream, owned);

    public Stream Stream { get; }

    public static async Task<Seekable> OpenAsync(Stream source, CancellationToken ct)
    {
        if (source.CanSeek)
        {
            source.Position = 0;
            return new Seekable(source, null);
        }

        var copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await source.CopyToAsync(copy, ct);
        copy.Position = 0;
        return new Seekable(copy, copy);
    }

    public void Dispose() => _owned?.Dispose();
}
