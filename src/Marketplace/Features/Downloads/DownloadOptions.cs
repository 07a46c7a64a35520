namespace Marketplace.Features.Downloads;

/// <summary>Settings of buyers' downloads (configuration section <c>Downloads</c>; docs/downloads.md#links-and-serving).</summary>
public sealed class DownloadOptions
{
    public const string Section = "Downloads";

    /// <summary>The shortest signing key Production accepts, in UTF-8 bytes.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>Completed downloads each file allows per purchase when the product sets none.</summary>
    public int DefaultDownloadLimit { get; set; } = 5;

    /// <summary>How long a link lives when the product sets no lifetime of its own.</summary>
    public TimeSpan DefaultLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The keys links are signed with, by key id (1 to 32 letters, digits, '-' or '_'). The id that sorts last
    /// (ordinal) signs; every listed key verifies, so a key is retired by removing it. Name them by date (20261204).
    /// Empty: a development key (Production refuses to start without a key of <see cref="MinKeyBytes"/> bytes or more).
    /// </summary>
    public Dictionary<string, string> SigningKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Behind nginx on a shared disk: the internal location verified downloads are handed to with
    /// <c>X-Accel-Redirect</c> (e.g. <c>/internal-downloads/</c>, which maps to the storage folder); empty: the app
    /// sends the bytes itself.
    /// </summary>
    public string? AccelRedirectPrefix { get; set; }

    /// <summary>How long the presigned URL an S3-stored download is redirected to lives.</summary>
    public TimeSpan PresignLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a download waits for a buyer's copy still being made before answering 503 with Retry-After.</summary>
    public TimeSpan CopyWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A download in progress holds its count this long at most (a node that died mid-download frees it then).</summary>
    public TimeSpan ReservationLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How many distinct networks (IPv4 /24, IPv6 /48) one purchase's links may be used from within
    /// <see cref="NetworkWindow"/>; one more flags the purchase as shared (docs/downloads.md#shared-links).
    /// </summary>
    public int MaxNetworksPerLink { get; set; } = 3;

    /// <summary>How long a network a purchase's links were used from is remembered.</summary>
    public TimeSpan NetworkWindow { get; set; } = TimeSpan.FromHours(24);

    internal const string DevelopmentKeyId = "dev";
    internal const string DevelopmentKey = "marketplace-development-download-signing-key";

    /// <summary>The keys in force: the configured ones, or the development key when none is.</summary>
    public IReadOnlyDictionary<string, string> KeysInForce() =>
        SigningKeys.Count > 0 ? SigningKeys : new Dictionary<string, string>(StringComparer.Ordinal) { [DevelopmentKeyId] = DevelopmentKey };
}
