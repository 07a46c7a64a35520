using Microsoft.Net.Http.Headers;

namespace Marketplace.Infrastructure.Storage;

/// <summary>
/// The <c>Content-Disposition</c> of a download (RFC 6266): <c>attachment</c>, an ASCII <c>filename</c> for old
/// clients and the exact name as <c>filename*=UTF-8''…</c> (RFC 8187) for the rest.
/// </summary>
public static class AttachmentDisposition
{
    public static string For(string downloadName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(downloadName);
        // A name reaches a response header: no line breaks or other controls, whatever the caller checked before.
        var name = new string([.. downloadName.Select(c => char.IsControl(c) ? '_' : c)]);
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(name);
        return header.ToString();
    }
}
