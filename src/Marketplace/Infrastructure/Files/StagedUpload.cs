namespace Marketplace.Infrastructure.Files;

/// <summary>
/// An upload written whole to a temporary file of the server's naming, not yet inspected nor stored. Disposing it
/// deletes the file: keep it in an <c>await using</c> so that a refused, failed or cancelled upload leaves nothing
/// behind, and move or copy it to storage before then.
/// </summary>
/// <param name="Path">The temporary file (under <see cref="FileLimits.TempPath"/>).</param>
/// <param name="Length">Its size in bytes, as counted while it arrived.</param>
/// <param name="Sha256">SHA-256 of its bytes, lower-case hex, computed while it arrived.</param>
/// <param name="OriginalName">The seller's name for it, sanitized (<see cref="UploadNames"/>): for display only.</param>
/// <param name="DeclaredContentType">The part's Content-Type as the client sent it: informative, never trusted.</param>
public sealed record StagedUpload(string Path, long Length, string Sha256, string OriginalName, string? DeclaredContentType)
    : IAsyncDisposable
{
    public FileStream OpenRead() =>
        new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The result of <see cref="UploadStaging.StageAsync"/>: <see cref="Staged"/> or <see cref="Refused"/>.</summary>
public abstract record StagingResult
{
    private StagingResult()
    {
    }

    public sealed record Staged(StagedUpload Upload) : StagingResult;

    /// <param name="Status">The HTTP status to answer: 400, 413 or 415.</param>
    /// <param name="Field">The form field the problem is about (<c>file</c>), for the validation problem's <c>errors</c>.</param>
    /// <param name="Message">What to tell the person.</param>
    public sealed record Refused(int Status, string Field, string Message) : StagingResult;
}
