using Marten;

namespace Marketplace.Features.Orders;

/// <summary>
/// The platform's fees as admins set them (docs/orders.md#fees): the default and each shop's override, in one document.
/// Until an admin first changes a fee it does not exist and the configuration (<c>Orders:Fee</c>, <c>Orders:ShopFees</c>)
/// is the fee; the first change stores it seeded from there. Checkout loads it once per order, and the order keeps the
/// fee it was placed with.
/// </summary>
public sealed class PlatformFees
{
    public const string TheId = "platform-fees";

    public string Id { get; set; } = TheId;

    public FeeSettings Default { get; set; } = new();

    /// <summary>The stamp of the default's last change; a change based on another stamp is refused (409).</summary>
    public long DefaultVersion { get; set; }

    public Dictionary<Guid, ShopFee> Shops { get; set; } = [];

    /// <summary>How many changes were made; each change stamps what it changed with the new count, so stamps never repeat.</summary>
    public long Changes { get; set; }

    public FeeSettings FeeOf(Guid shopId) => Shops.TryGetValue(shopId, out var own) ? own.Fee : Default;

    /// <summary>The stamp a change of the shop's override must name: its override's, or 0 when it has none.</summary>
    public long VersionOf(Guid shopId) => Shops.TryGetValue(shopId, out var own) ? own.Version : 0;

    public long NextVersion() => ++Changes;

    public static PlatformFees From(OrderOptions options) => new()
    {
        Default = options.Fee,
        Shops = options.ShopFees
            .Select(pair => (Parsed: Guid.TryParse(pair.Key, out var shopId), shopId, pair.Value))
            .Where(shop => shop.Parsed)
            .ToDictionary(shop => shop.shopId, shop => new ShopFee(shop.Value, 0)),
    };

    public static async Task<PlatformFees> LoadAsync(IQuerySession session, OrderOptions options, CancellationToken ct) =>
        await session.LoadAsync<PlatformFees>(TheId, ct) ?? From(options);
}

/// <summary>A shop's own fee (a negotiated rate, a launch partner) and the stamp of its last change.</summary>
public sealed record ShopFee(FeeSettings Fee, long Version);
