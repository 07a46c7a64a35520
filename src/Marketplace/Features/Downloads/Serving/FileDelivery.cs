using Marketplace.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Features.Downloads.Serving;

/// <summary>
/// Sends a verified download the fastest way the storage allows: behind nginx on a shared disk, hands it over with
/// <c>X-Accel-Redirect</c> (nginx sends the file and answers the range); on S3, redirects to a presigned URL of a few
/// minutes; otherwise sends the range from disk (<see cref="DiskRangeSender"/>), or streams it from the store.
/// </summary>
public sealed class FileDelivery(IBlobStore blobs, IOptions<DownloadOptions> options)
{
    public const string AccelRedirectHeader = "X-Accel-Redirect";

    /// <summary>How the bytes left: sent by the app (whole or as far as the client took them), or handed to nginx or S3.</summary>
    public enum Outcome
    {
        Sent,
        Aborted,
        HandedToNginx,
        Redirected,
    }

    public async Task<Outcome> SendAsync(HttpContext http, DownloadGate.Serve serve, CancellationToken ct)
    {
        var response = http.Response;
        response.Headers.CacheControl = "private, no-store";
        response.Headers.ContentDisposition = AttachmentDisposition.For(serve.FileName);
        if (options.Value.AccelRedirectPrefix is { Length: > 0 } prefix && blobs.LocalPath(serve.BlobKey) is not null)
        {
            response.Headers[AccelRedirectHeader] = $"{prefix.TrimEnd('/')}/{serve.BlobKey}";
            response.ContentType = serve.ContentType;
            await response.CompleteAsync(); // nginx starts sending now, not after the attempt is recorded
            return Outcome.HandedToNginx;
        }

        if (await blobs.PresignReadAsync(serve.BlobKey, options.Value.PresignLifetime, serve.FileName, serve.ContentType) is { } presigned)
        {
            response.Redirect(presigned.AbsoluteUri);
            await response.CompleteAsync();
            return Outcome.Redirected;
        }

        var span = serve.Span;
        response.StatusCode = span.Partial ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK;
        response.ContentType = serve.ContentType;
        response.ContentLength = span.Length;
        response.Headers.AcceptRanges = "bytes";
        response.Headers.ETag = serve.ETag;
        response.Headers.LastModified = HeaderUtilities.FormatDate(serve.LastModified);
        if (span.Partial)
        {
            response.Headers.ContentRange = span.ContentRange;
        }

        try
        {
            if (blobs.LocalPath(serve.BlobKey) is { } path)
            {
                await DiskRangeSender.SendAsync(response, path, span.From, span.Length, ct);
            }
            else
            {
                await using var content = await blobs.OpenReadAsync(serve.BlobKey, span.From, span.From + span.Length - 1, ct)
                    ?? throw new FileNotFoundException($"No blob under {serve.BlobKey}.");
                await content.CopyToAsync(response.Body, ct);
            }

            await response.CompleteAsync();
            return ct.IsCancellationRequested ? Outcome.Aborted : Outcome.Sent;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            return Outcome.Aborted;
        }
    }

    public static string Describe(Outcome outcome, ByteSpan span) => outcome switch
    {
        Outcome.Sent when span.Partial => $"sent {span.ContentRange}",
        Outcome.Sent => "sent",
        Outcome.Aborted => "aborted",
        Outcome.HandedToNginx => "handed to nginx",
        _ => "redirected to storage",
    };
}
