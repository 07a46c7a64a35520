using System.Net;
using Marketplace.Features.Downloads.Links;

namespace Marketplace.Features.Downloads.Serving;

/// <summary>
/// The networks one purchase's links were used from, and whether it is flagged as shared (docs/downloads.md#shared-links).
/// Used from more than <see cref="DownloadOptions.MaxNetworksPerLink"/> networks within
/// <see cref="DownloadOptions.NetworkWindow"/>, the purchase is flagged: every link issued until then stops working, and
/// a new link is issued only to a session signed in after the flag, which clears it. Changed under
/// <see cref="LockKey"/> only, so concurrent downloads from many addresses count every network once.
/// </summary>
public sealed class LinkSharing
{
    /// <summary>The entitlement's id.</summary>
    public Guid Id { get; set; }

    /// <summary>Network (<see cref="NetworkOf"/>) → when a link was last used from it.</summary>
    public Dictionary<string, DateTimeOffset> Networks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the purchase was flagged as shared; null when it is not (never, or cleared by a fresh sign-in).</summary>
    public DateTimeOffset? FlaggedAt { get; set; }

    /// <summary>Links issued at or before this time never work again (the time of the last flag).</summary>
    public DateTimeOffset? VoidThrough { get; set; }

    public static string LockKey(Guid entitlementId) => $"link-sharing:{entitlementId:N}";

    /// <summary>Whether the link is void: issued before the purchase was flagged, or while it is.</summary>
    public bool Voids(SignedLink link) => FlaggedAt is not null || link.IssuedAt <= VoidThrough;

    public enum Outcome
    {
        /// <summary>A network seen in the last minute: nothing to write.</summary>
        Known,
        Recorded,

        /// <summary>One network too many: the purchase is now flagged.</summary>
        Flagged,
    }

    /// <summary>Records a use from <paramref name="network"/>, forgetting networks not seen within the window.</summary>
    public Outcome Use(string network, DateTimeOffset now, DownloadOptions options)
    {
        var stale = Networks.Where(n => n.Value < now - options.NetworkWindow).Select(n => n.Key).ToList();
        if (stale.Count == 0 && Networks.TryGetValue(network, out var seen) && now - seen < TimeSpan.FromMinutes(1))
        {
            return Outcome.Known;
        }

        stale.ForEach(key => Networks.Remove(key));
        Networks[network] = now;
        if (Networks.Count <= options.MaxNetworksPerLink)
        {
            return Outcome.Recorded;
        }

        (FlaggedAt, VoidThrough) = (now, now);
        return Outcome.Flagged;
    }

    /// <summary>A fresh sign-in after the flag: new links work again, and the networks are counted from nothing.</summary>
    public void Clear()
    {
        FlaggedAt = null;
        Networks.Clear();
    }

    /// <summary>The network an address belongs to: its IPv4 /24 or IPv6 /48 (IPv4-mapped IPv6 as IPv4); "unknown" without one.</summary>
    public static string NetworkOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        var bytes = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).GetAddressBytes();
        if (bytes.Length == 4)
        {
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        }

        var prefix = new byte[16];
        bytes.AsSpan(0, 6).CopyTo(prefix);
        return $"{new IPAddress(prefix)}/48";
    }
}
