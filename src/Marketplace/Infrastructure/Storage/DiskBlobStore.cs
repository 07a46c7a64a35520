namespace Marketplace.Infrastructure.Storage;

/// <summary>
/// Blobs as files under one folder: key <c>a/b/c</c> is the file <c>{root}/a/b/c</c>, its content type the file
/// <c>.c.content-type</c> beside it. Names starting with a dot are never keys (<see cref="BlobKeys"/>), so the store
/// keeps its own files there. Every node of a scaled-out site must mount the same folder.
/// </summary>
public sealed class DiskBlobStore : IBlobStore
{
    private const int CopyBufferSize = 81_920;
    private const string ContentTypeSuffix = ".content-type";
    private const string FallbackContentType = "application/octet-stream";

    private readonly string _root;

    public DiskBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public string Root => _root;

    public async Task<StoredBlob> PutAsync(string key, Stream content, string contentType, CancellationToken ct)
    {
        var path = PathOf(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = TemporaryPathFor(path);
        try
        {
            long size;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, CopyBufferSize, ct);
                size = file.Length;
                // On disk before the name points at it: after a crash the key holds the old bytes or all the new ones.
                file.Flush(flushToDisk: true);
            }

            // For a new key (the usual case) the order does not matter; over an existing one a reader may meet the new
            // type with the old bytes for the instant between the two renames, never a part of either file.
            await ReplaceAsync(ContentTypePathOf(path), contentType, ct);
            File.Move(temporary, path, overwrite: true);
            return new StoredBlob(key, size, contentType, File.GetLastWriteTimeUtc(path));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public async Task<string?> ProblemAsync(CancellationToken ct)
    {
        // A dot name is never a key, so the probe cannot meet a blob; it is gone again when the check ends.
        var probe = Path.Combine(_root, $".ready-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(_root);
            await using var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await file.WriteAsync(new byte[1], ct);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"The folder {_root} cannot be written: {e.Message}";
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct) => Task.FromResult(Open(PathOf(key)));

    public Task<Stream?> OpenReadAsync(string key, long from, long? to, CancellationToken ct)
    {
        ByteRanges.Validate(from, to);
        var file = Open(PathOf(key));
        if (file is null)
        {
            return Task.FromResult<Stream?>(null);
        }

        var length = file.Length;
        var start = Math.Min(from, length);
        var end = Math.Min(to is { } last ? last + 1 : length, length);
        file.Seek(start, SeekOrigin.Begin);
        return Task.FromResult<Stream?>(new ByteRangeStream(file, Math.Max(0, end - start)));
    }

    public async Task<StoredBlob?> StatAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        var contentType = await ReadContentTypeAsync(path, ct);
        return new StoredBlob(key, file.Length, contentType, file.LastWriteTimeUtc);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (Directory.Exists(path))
        {
            return Task.CompletedTask; // a folder of other keys, not a blob
        }

        try
        {
            File.Delete(path);
            File.Delete(ContentTypePathOf(path));
        }
        catch (DirectoryNotFoundException)
        {
            // no blob was ever stored in its folder
        }

        return Task.CompletedTask;
    }

    public string? LocalPath(string key) => PathOf(key);

    public Task<Uri?> PresignReadAsync(string key, TimeSpan lifetime, string downloadName, string contentType)
    {
        BlobKeys.Validate(key);
        return Task.FromResult<Uri?>(null); // the app serves the file itself, from LocalPath
    }

    private string PathOf(string key)
    {
        BlobKeys.Validate(key);
        var path = Path.GetFullPath(Path.Combine(_root, key));
        // Valid keys cannot leave the root; this holds the line should the key rules ever loosen.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The key '{key}' resolves outside the storage folder.", nameof(key));
        }

        return path;
    }

    private static Stream? Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
                                      || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            return null;
        }
    }

    private static async Task<string> ReadContentTypeAsync(string path, CancellationToken ct)
    {
        try
        {
            var stored = (await File.ReadAllTextAsync(ContentTypePathOf(path), ct)).Trim();
            return stored.Length > 0 ? stored : FallbackContentType;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return FallbackContentType;
        }
    }

    private static async Task ReplaceAsync(string path, string text, CancellationToken ct)
    {
        var temporary = TemporaryPathFor(path);
        try
        {
            await File.WriteAllTextAsync(temporary, text, ct);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string ContentTypePathOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}{ContentTypeSuffix}");

    // In the same folder, so the final rename stays on one file system and is atomic.
    private static string TemporaryPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
}
