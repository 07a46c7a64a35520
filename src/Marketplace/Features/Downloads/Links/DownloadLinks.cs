using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Downloads.Links;

/// <summary>
/// Signs and checks download links: HMAC-SHA256 over entitlement, file, buyer and expiry, under a key id so keys
/// rotate (<see cref="DownloadOptions.SigningKeys"/>: the newest signs, every listed one verifies). A link is
/// <c>/downloads/{entitlementId}/{fileId}?buyer=…&amp;expires=…&amp;key=…&amp;sig=…</c>; checking it needs no database.
/// </summary>
public sealed class DownloadLinks(IOptions<DownloadOptions> options, TimeProvider clock)
{
    public const string PathPrefix = "/downloads";
    private const int MaxPart = 64;

    /// <summary>The path and query of a link to the file, valid until <paramref name="expiresAt"/> (whole seconds).</summary>
    public string Sign(Guid entitlementId, Guid fileId, Guid buyerId, DateTimeOffset expiresAt)
    {
        var (keyId, key) = options.Value.KeysInForce().MaxBy(pair => pair.Key, StringComparer.Ordinal);
        var expires = expiresAt.ToUnixTimeSeconds();
        var signature = Signature(key, entitlementId, fileId, buyerId, expires);
        return $"{PathPrefix}/{entitlementId:N}/{fileId:N}?buyer={buyerId:N}&expires={expires.ToString(CultureInfo.InvariantCulture)}" +
            $"&key={Uri.EscapeDataString(keyId)}&sig={signature}";
    }

    /// <summary>Checks a link's parts as they arrived (route values and query), signature first, then its time.</summary>
    public LinkCheck Check(string? entitlement, string? file, string? buyer, string? expires, string? keyId, string? signature)
    {
        if (!TryGuid(entitlement, out var entitlementId) || !TryGuid(file, out var fileId) || !TryGuid(buyer, out var buyerId)
            || expires is not { Length: > 0 and <= 12 } || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() || keyId is not { Length: > 0 and <= MaxPart } || signature is not { Length: 43 })
        {
            return new LinkCheck.Tampered("The link is incomplete or malformed.");
        }

        if (!options.Value.KeysInForce().TryGetValue(keyId, out var key))
        {
            return new LinkCheck.Tampered("The link was signed with a key that is no longer in use.");
        }

        var expected = Encoding.ASCII.GetBytes(Signature(key, entitlementId, fileId, buyerId, seconds));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return new LinkCheck.Tampered("The link's signature does not match: it was altered.");
        }

        var link = new SignedLink(entitlementId, fileId, buyerId, DateTimeOffset.FromUnixTimeSeconds(seconds), keyId);
        return link.ExpiresAt <= clock.GetUtcNow() ? new LinkCheck.Expired(link) : new LinkCheck.Valid(link);
    }

    private static string Signature(string key, Guid entitlementId, Guid fileId, Guid buyerId, long expires)
    {
        var message = Encoding.ASCII.GetBytes($"download.v1.{entitlementId:N}.{fileId:N}.{buyerId:N}.{expires.ToString(CultureInfo.InvariantCulture)}");
        return System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message));
    }

    private static bool TryGuid(string? text, out Guid id)
    {
        id = Guid.Empty;
        return text is { Length: 32 } && Guid.TryParseExact(text, "N", out id);
    }
}
