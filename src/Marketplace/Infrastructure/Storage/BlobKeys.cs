using System.Text.RegularExpressions;

namespace Marketplace.Infrastructure.Storage;

/// <summary>
/// The keys a blob may have. They are made by the server (e.g. <c>products/{id}/files/{id}</c>), never taken from a
/// request, and kept to what is the same file name on every file system and the same object key on every S3 server:
/// lowercase letters, digits, <c>_</c>, <c>.</c> and <c>-</c> in segments separated by single slashes, each segment
/// starting with a letter or digit (so none is <c>..</c> or a hidden file, which the disk store keeps for itself).
/// </summary>
public static partial class BlobKeys
{
    public const int MaxLength = 512;

    /// <summary>Leaves room in a file name (255 bytes) for the disk store's temporary suffix.</summary>
    public const int MaxSegmentLength = 200;

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength }
        && Shape().IsMatch(key)
        && !key.Contains("..", StringComparison.Ordinal)
        && key.Split('/').All(segment => segment.Length <= MaxSegmentLength);

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="key"/> unless it is a valid key.</summary>
    public static void Validate(string? key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException(
                $"'{Printable(key)}' is not a blob key: use 1 to {MaxLength} characters of a-z, 0-9, '_', '.', '-' in '/'-separated segments, each starting with a letter or digit, without '..'.",
                nameof(key));
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_.\-]*(/[a-z0-9][a-z0-9_.\-]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    // The refused key goes into a message that may be logged: no control characters, and not too much of it.
    private static string Printable(string? key) =>
        key is null ? "(null)" : new string([.. key.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
}
