using Marketplace.Features.Shops;
using Marten;

namespace Marketplace.Features.Catalog;

/// <summary>
/// A shop's products follow the shop into and out of the catalog: a suspended or closed shop's products leave it at
/// once, a reinstated shop's published products come back, and a renamed shop's listings carry the new name.
/// </summary>
public static class ShopCatalogHandler
{
    public static Task HandleAsync(ShopStatusChanged changed, IDocumentSession session, CancellationToken ct) =>
        RelistAsync(session, changed.ShopId, ct);

    public static Task HandleAsync(ShopRenamed renamed, IDocumentSession session, CancellationToken ct) =>
        RelistAsync(session, renamed.ShopId, ct);

    /// <summary>Every published product of the shop, listed or not as the shop is now (messages may arrive out of order).</summary>
    private static async Task RelistAsync(IDocumentSession session, Guid shopId, CancellationToken ct)
    {
        var shop = await session.LoadAsync<Shop>(shopId, ct);
        if (shop is null)
        {
            return;
        }

        var published = await session.Query<Product>()
            .Where(p => p.ShopId == shopId && p.Status == ProductStatus.Published).ToListAsync(ct);
        foreach (var product in published)
        {
            CatalogListings.Sync(session, product, shop);
        }
    }
}
