using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Infrastructure.Files;

/// <summary>
/// Takes the <c>file</c> part of a multipart/form-data request off the wire into a temporary file, 80 KB at a time:
/// never the whole file in memory (form binding and <c>IFormFile</c> would buffer it), its SHA-256 and length computed
/// on the way, stopped the moment it passes <see cref="FileLimits.MaxBytes"/>. Whatever goes wrong, the temporary
/// file is gone before the answer is; what is returned is either a <see cref="StagedUpload"/> or why not.
/// </summary>
public sealed class UploadStaging(IOptions<FileLimits> options, ILogger<UploadStaging> logger)
{
    public const string FileField = "file";

    /// <summary>Room for the multipart boundaries, part headers and small form fields around the file.</summary>
    public const long MultipartOverhead = 1024 * 1024;

    private const int BufferSize = 80 * 1024; // under the large object heap's 85,000 bytes

    public async Task<StagingResult> StageAsync(HttpRequest request, CancellationToken ct)
    {
        var limits = options.Value;
        AllowBodyOf(request, limits.MaxBytes + MultipartOverhead);
        if (request.ContentLength > limits.MaxBytes + MultipartOverhead)
        {
            return TooLarge(limits);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return new StagingResult.Refused(StatusCodes.Status415UnsupportedMediaType, FileField,
                "Send the file as multipart/form-data, in a part named \"file\".");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary);
        if (boundary.Length is 0 or > 70)
        {
            return Malformed();
        }

        MultipartSection? section;
        ContentDispositionHeaderValue? disposition;
        try
        {
            (section, disposition) = await FileSectionAsync(new MultipartReader(boundary.Value!, request.Body), ct);
        }
        catch (InvalidDataException)
        {
            return Malformed(); // the multipart reader's answer to a line or header section over its limits
        }
        catch (Exception exception) when (Interrupted(exception) is { } refused)
        {
            logger.LogInformation("An upload did not arrive whole: {Reason}", exception.Message);
            return refused;
        }

        if (section is null || disposition is null)
        {
            return new StagingResult.Refused(StatusCodes.Status400BadRequest, FileField, "Choose a file to upload (a form part named \"file\").");
        }

        var name = UploadNames.Sanitize(disposition.FileNameStar.HasValue
            ? disposition.FileNameStar.Value
            : HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
        return await WriteAsync(section, name, limits, ct);
    }

    /// <summary>The first part named <c>file</c>; the parts before it are read past (and bounded by the body limit).</summary>
    private static async Task<(MultipartSection?, ContentDispositionHeaderValue?)> FileSectionAsync(MultipartReader reader, CancellationToken ct)
    {
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) &&
                disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase) &&
                HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FileField, StringComparison.Ordinal))
            {
                return (section, disposition);
            }
        }

        return (null, null);
    }

    private async Task<StagingResult> WriteAsync(MultipartSection section, string name, FileLimits limits, CancellationToken ct)
    {
        var folder = Path.GetFullPath(limits.TempPath);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Guid.CreateVersion7():N}.upload");
        var staged = false;
        try
        {
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[BufferSize];
            long length = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                while (true)
                {
                    int read;
                    try
                    {
                        read = await section.Body.ReadAsync(buffer, ct);
                    }
                    catch (Exception exception) when (Interrupted(exception) is { } refused)
                    {
                        logger.LogInformation("An upload did not arrive whole: {Reason}", exception.Message);
                        return refused; // only the client's side: a failing disk is our fault and stays an exception
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > limits.MaxBytes)
                    {
                        return TooLarge(limits);
                    }

                    sha256.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (length == 0)
            {
                return new StagingResult.Refused(StatusCodes.Status400BadRequest, FileField, "The file is empty; choose the file you want to sell.");
            }

            staged = true;
            var hash = Convert.ToHexStringLower(sha256.GetHashAndReset());
            return new StagingResult.Staged(new StagedUpload(path, length, hash, name, section.ContentType));
        }
        finally
        {
            if (!staged)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Kestrel's own body limit (30 MB unless configured), raised for this request only, before reading.</summary>
    private static void AllowBodyOf(HttpRequest request, long bytes)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bytes;
        }
    }

    /// <summary>The refusal for a read that failed because of the client (gone, too slow, too much), or null.</summary>
    private StagingResult.Refused? Interrupted(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(options.Value),
        BadHttpRequestException or IOException or OperationCanceledException => new StagingResult.Refused(
            StatusCodes.Status400BadRequest, FileField, "The upload was interrupted before the whole file arrived; try again."),
        _ => null,
    };

    private static StagingResult.Refused TooLarge(FileLimits limits) => new(StatusCodes.Status413PayloadTooLarge, FileField,
        $"The file is larger than {ByteSizes.Describe(limits.MaxBytes)}, the most we accept.");

    private static StagingResult.Refused Malformed() => new(StatusCodes.Status400BadRequest, FileField,
        "The upload is not well-formed multipart/form-data; send the file in a part named \"file\".");
}
