using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Downloads.Links;

/// <summary>
/// Signs and checks download links: HMAC-SHA256 over entitlement, file, buyer, issue time and expiry, under a key id so
/// keys rotate (<see cref="DownloadOptions.SigningKeys"/>: the newest signs, every listed one verifies). A link is
/// <c>/downloads/{entitlementId}/{fileId}?buyer=…&amp;issued=…&amp;expires=…&amp;key=…&amp;sig=…</c>; checking it needs no
/// database. The issue time (Unix milliseconds) tells links made before a sharing flag from those made after it.
/// </summary>
public sealed class DownloadLinks(IOptions<DownloadOptions> options, TimeProvider clock)
{
    public const string PathPrefix = "/downloads";
    private const int MaxPart = 64;

    /// <summary>The path and query of a link to the file issued now, valid until <paramref name="expiresAt"/> (whole seconds).</summary>
    public string Sign(Guid entitlementId, Guid fileId, Guid buyerId, DateTimeOffset expiresAt)
    {
        var (keyId, key) = options.Value.KeysInForce().MaxBy(pair => pair.Key, StringComparer.Ordinal);
        var (issued, expires) = (clock.GetUtcNow().ToUnixTimeMilliseconds(), expiresAt.ToUnixTimeSeconds());
        var signature = Signature(key, entitlementId, fileId, buyerId, issued, expires);
        return $"{PathPrefix}/{entitlementId:N}/{fileId:N}?buyer={buyerId:N}&issued={issued.ToString(CultureInfo.InvariantCulture)}" +
            $"&expires={expires.ToString(CultureInfo.InvariantCulture)}&key={Uri.EscapeDataString(keyId)}&sig={signature}";
    }

    /// <summary>Checks a link's parts as they arrived (route values and query), signature first, then its time.</summary>
    public LinkCheck Check(string? entitlement, string? file, string? buyer, string? issued, string? expires, string? keyId, string? signature)
    {
        if (!TryGuid(entitlement, out var entitlementId) || !TryGuid(file, out var fileId) || !TryGuid(buyer, out var buyerId)
            || !TryTime(issued, 15, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds(), out var issuedMs)
            || !TryTime(expires, 12, DateTimeOffset.MaxValue.ToUnixTimeSeconds(), out var seconds)
            || keyId is not { Length: > 0 and <= MaxPart } || signature is not { Length: 43 })
        {
            return new LinkCheck.Tampered("The link is incomplete or malformed.");
        }

        if (!options.Value.KeysInForce().TryGetValue(keyId, out var key))
        {
            return new LinkCheck.Tampered("The link was signed with a key that is no longer in use.");
        }

        var expected = Encoding.ASCII.GetBytes(Signature(key, entitlementId, fileId, buyerId, issuedMs, seconds));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return new LinkCheck.Tampered("The link's signature does not match: it was altered.");
        }

        var link = new SignedLink(
            entitlementId, fileId, buyerId, DateTimeOffset.FromUnixTimeMilliseconds(issuedMs), DateTimeOffset.FromUnixTimeSeconds(seconds), keyId);
        return link.ExpiresAt <= clock.GetUtcNow() ? new LinkCheck.Expired(link) : new LinkCheck.Valid(link);
    }

    private static string Signature(string key, Guid entitlementId, Guid fileId, Guid buyerId, long issued, long expires)
    {
        var message = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"download.v2.{entitlementId:N}.{fileId:N}.{buyerId:N}.{issued}.{expires}"));
        return System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message));
    }

    private static bool TryTime(string? text, int maxDigits, long max, out long value)
    {
        value = 0;
        return text is { Length: > 0 } && text.Length <= maxDigits
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }

    private static bool TryGuid(string? text, out Guid id)
    {
        id = Guid.Empty;
        return text is { Length: 32 } && Guid.TryParseExact(text, "N", out id);
    }
}
