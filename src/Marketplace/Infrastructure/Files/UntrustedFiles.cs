using Marketplace.Infrastructure.Images;
using Microsoft.Extensions.Options;

namespace Marketplace.Infrastructure.Files;

/// <summary>
/// Decides whether an uploaded product file is one we accept, from its content alone: its kind by magic bytes
/// (<see cref="FileSignatures"/>), a name whose known ending must agree with that kind, and then what opening it
/// costs: images through <see cref="UntrustedImages"/>' container and header checks, archives through
/// <see cref="ArchiveInspection"/>, PDFs through PdfPig (<see cref="PdfInspection"/>). Audio, video and fonts are
/// checked by signature only: we never decode them, buyers download them as uploaded. Every way a file can fail is
/// an answer, never an exception.
/// </summary>
public sealed class UntrustedFiles(IOptions<FileLimits> options, UntrustedImages images, ILogger<UntrustedFiles> logger)
{
    /// <param name="path">The staged upload (<see cref="StagedUpload.Path"/>); archives are unpacked beside it.</param>
    /// <param name="originalName">The name the seller gave it, for its extension only.</param>
    /// <param name="ct">Stops unpacking an archive; opening a PDF is not interruptible.</param>
    public async Task<FileInspection> InspectAsync(string path, string originalName, CancellationToken ct)
    {
        var inspection = await DecideAsync(path, originalName, ct);
        if (inspection is FileInspection.Refused refused)
        {
            logger.LogInformation("An uploaded file was refused: {Reason}", refused.Message);
        }

        return inspection;
    }

    private async Task<FileInspection> DecideAsync(string path, string originalName, CancellationToken ct)
    {
        var limits = options.Value;
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return new FileInspection.Refused("The file is empty; choose the file you want to sell.");
        }

        var head = await ReadAsync(path, FileSignatures.HeadLength, ct);
        if (FileSignatures.KindOf(head) is not { } kind)
        {
            return new FileInspection.Refused(FileSignatures.Describe(head) is { } what
                ? $"This file is {what}, which we do not accept. We accept {FileKinds.Accepted}."
                : $"We do not recognise this file's content. We accept {FileKinds.Accepted}, recognised by their content, not their name.");
        }

        if (FileKinds.NameMismatch(kind, originalName) is { } mismatch)
        {
            return new FileInspection.Refused(mismatch);
        }

        switch (kind)
        {
            case FileKind.Pdf when length > limits.MaxPdfBytes:
                return new FileInspection.Refused($"The PDF is larger than {ByteSizes.Describe(limits.MaxPdfBytes)}, the most we can stamp; " +
                    "reduce its images or split it, or sell it inside a ZIP.");
            case FileKind.Pdf:
                return PdfInspection.Inspect(path);
            case FileKind.Zip or FileKind.Epub:
                var archive = new ArchiveInspection(limits);
                return await archive.RefusalAsync(path, ct) is { } refusal
                    ? new FileInspection.Refused(refusal)
                    : Accepted(kind, new FileDetails(Entries: archive.Entries, UnpackedBytes: archive.UnpackedBytes));
            case FileKind.Png or FileKind.Jpeg or FileKind.Gif or FileKind.Webp when length > limits.MaxImageBytes:
                return new FileInspection.Refused($"The image is larger than {ByteSizes.Describe(limits.MaxImageBytes)}; " +
                    "export it smaller, or sell it inside a ZIP.");
            case FileKind.Png or FileKind.Jpeg or FileKind.Gif or FileKind.Webp:
                var image = images.Check(await ReadAsync(path, (int)length, ct));
                return image.Refusal is { } imageRefusal
                    ? new FileInspection.Refused(imageRefusal)
                    : Accepted(kind, new FileDetails(Width: image.Width, Height: image.Height, Frames: image.Frames));
            default:
                return Accepted(kind, FileDetails.None);
        }
    }

    private static FileInspection.Accepted Accepted(FileKind kind, FileDetails details)
    {
        var description = FileKinds.Of(kind);
        return new FileInspection.Accepted(kind, description.ContentType, description.Extension, [], details);
    }

    /// <summary>The file's first <paramref name="count"/> bytes (fewer when it is shorter).</summary>
    private static async Task<byte[]> ReadAsync(string path, int count, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        var bytes = new byte[(int)Math.Min(count, file.Length)];
        await file.ReadExactlyAsync(bytes, ct);
        return bytes;
    }
}
