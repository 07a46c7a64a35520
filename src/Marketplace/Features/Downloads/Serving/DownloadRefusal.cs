using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Features.Downloads.Serving;

/// <summary>
/// Why a download or a link was refused, as a person reads it: the status, a stable problem type, the words, and the
/// short result the audit records. API clients get it as a ProblemDetails, a browser as the error page.
/// </summary>
public sealed record DownloadRefusal(int Status, string Type, string Title, string Detail, string Result)
{
    private const string Base = "/problems/download-";
    private const string Library = " Open your library to see what you can download.";

    /// <summary>For a range outside the file, the <c>Content-Range: bytes */size</c> a 416 carries (RFC 9110 §15.5.17).</summary>
    public string? ContentRange { get; init; }

    /// <summary>What the browser's error page offers to do next.</summary>
    public string ActionText { get; init; } = "Open your library";

    public string ActionUrl { get; init; } = "/library";

    public ProblemDetails ToProblem() => new() { Status = Status, Type = Type, Title = Title, Detail = Detail };

    public static DownloadRefusal Tampered(string why) => new(StatusCodes.Status403Forbidden, Base + "link-invalid", "This download link is not valid.",
        $"{why} Copy the whole link, or get a fresh one from your library.", "tampered");

    public static DownloadRefusal NotYours() => new(StatusCodes.Status403Forbidden, Base + "not-yours", "This download link belongs to another account.",
        "Each link works only for the buyer it was made for. Sign in with the account that bought the product, or get your own link from your library.", "not-yours");

    public static DownloadRefusal Shared(int maxNetworks) => new(StatusCodes.Status403Forbidden, Base + "shared",
        "This purchase's download links were used from too many places.",
        $"Its links were used from more than {maxNetworks} different networks, which looks like a link passed around, so the links made so far "
        + "were stopped. Sign out, sign in again, and get a fresh link from your library.", "shared")
    { ActionText = "Sign out to sign in again", ActionUrl = "/account/logout" };

    public static DownloadRefusal SignInAgain() => new(StatusCodes.Status403Forbidden, Base + "sign-in-again", "Sign in again to download this purchase.",
        "Its download links were used from too many different networks, so a new link is given only after you sign in again. "
        + "Sign out, sign in with your password, and ask for the link again.", "sign-in-again");

    public static DownloadRefusal Expired(DateTimeOffset at) => new(StatusCodes.Status410Gone, Base + "link-expired", "This download link has expired.",
        $"It was valid until {at:yyyy-MM-dd HH:mm} UTC. Download links live a short time; get a fresh one from your library.", "expired");

    public static DownloadRefusal Revoked() => new(StatusCodes.Status410Gone, Base + "revoked", "This purchase was refunded.",
        "Its downloads ended with the refund, links already made included." + Library, "revoked");

    public static DownloadRefusal Frozen() => new(StatusCodes.Status410Gone, Base + "frozen", "Downloads are paused while the payment is disputed.",
        "The payment for this purchase is disputed with the bank. Downloads come back if the dispute is settled in the seller's favour.", "frozen");

    public static DownloadRefusal Exhausted(int limit, bool inProgress) => new(StatusCodes.Status410Gone, Base + "exhausted",
        "No downloads of this file are left.",
        inProgress
            ? $"This file allows {limit} complete downloads per purchase, and the last of them are in progress. Finish or cancel those first."
            : $"This file allows {limit} complete downloads per purchase and all of them were used. Contact the seller if you need another.",
        "exhausted");

    public static DownloadRefusal Malware() => new(StatusCodes.Status410Gone, Base + "malware", "This product was taken down as unsafe.",
        "The marketplace's moderators found harmful software in it, so it is no longer delivered. Do not open copies you downloaded before.",
        "malware");

    public static DownloadRefusal FileRemoved() => new(StatusCodes.Status410Gone, Base + "file-removed", "The seller removed this file.",
        "It is no longer part of the product." + Library, "file-removed");

    public static DownloadRefusal CopyRefused(string? why) => new(StatusCodes.Status410Gone, Base + "copy-refused", "This file cannot be delivered.",
        $"We could not make your licensed copy ({why ?? "the file could not be marked"}) and the seller has not allowed unmarked copies. Contact the seller.",
        "copy-refused");

    public static DownloadRefusal CopyNotReady(TimeSpan retryAfter) => new(StatusCodes.Status503ServiceUnavailable, Base + "preparing",
        "Your copy is still being prepared.",
        $"Each buyer gets a copy of their own, marked with their name; yours is not ready yet. Try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
        "preparing");

    public static DownloadRefusal OneRangeOnly() => new(StatusCodes.Status416RangeNotSatisfiable, Base + "range", "Ask for one range at a time.",
        "A download sends one part of the file per request; ask for the parts one after another.", "several-ranges");

    public static DownloadRefusal RangeOutside(long size) => new(StatusCodes.Status416RangeNotSatisfiable, Base + "range",
        "The requested part is outside the file.", $"The file has {size} bytes.", "range-outside") { ContentRange = $"bytes */{size}" };
}
