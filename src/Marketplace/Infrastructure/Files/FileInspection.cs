namespace Marketplace.Infrastructure.Files;

/// <summary>
/// The verdict on an uploaded file: <see cref="Accepted"/> or <see cref="Refused"/>. A refusal is the file's fault and
/// its message is written for the seller (a 400 naming <c>file</c>); nothing about the server is in it.
/// </summary>
public abstract record FileInspection
{
    private FileInspection()
    {
    }

    /// <param name="Kind">What the content is.</param>
    /// <param name="ContentType">What to serve it as (from the kind, never from the upload's Content-Type).</param>
    /// <param name="Extension">The kind's canonical extension with its dot, for names we make.</param>
    /// <param name="Warnings">What the seller should know though the file is accepted (an encrypted PDF).</param>
    /// <param name="Details">What was read while checking: page count, image size, entry count.</param>
    public sealed record Accepted(FileKind Kind, string ContentType, string Extension, IReadOnlyList<string> Warnings, FileDetails Details)
        : FileInspection;

    public sealed record Refused(string Message) : FileInspection;
}

/// <summary>What inspecting a file learnt about it; each part only for the kinds it applies to.</summary>
/// <param name="Pages">A PDF's page count, when it could be read (an encrypted one's may not).</param>
/// <param name="Encrypted">Whether a PDF is encrypted.</param>
/// <param name="Width">An image's width in pixels.</param>
/// <param name="Height">An image's height in pixels.</param>
/// <param name="Frames">An image's frame count (1 for a still image).</param>
/// <param name="Entries">An archive's entry count, nested archives' entries included.</param>
/// <param name="UnpackedBytes">What an archive unpacked to, nested archives included.</param>
public sealed record FileDetails(
    int? Pages = null, bool Encrypted = false, int? Width = null, int? Height = null, int? Frames = null,
    int? Entries = null, long? UnpackedBytes = null)
{
    public static readonly FileDetails None = new();
}
