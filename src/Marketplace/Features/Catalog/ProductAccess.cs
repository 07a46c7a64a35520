using System.Security.Claims;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Persistence;
using Marten;

namespace Marketplace.Features.Catalog;

/// <summary>
/// Loads a product for someone who manages it: its shop's owner, or an admin. Anyone else gets nothing, as for a
/// missing product; so does everyone for a product of a closed shop.
/// </summary>
public static class ProductAccess
{
    public sealed record Managed(Product Product, Shop Shop);

    /// <summary>What a use case's handler answers: the product it changed, or nothing when it is gone.</summary>
    public sealed record Outcome(Managed? Managed);

    /// <summary>
    /// For a use case's handler: opens the transaction holding the product's advisory lock, so that concurrent changes
    /// of one product (a double submit, two tabs, a script) take turns instead of failing on a version conflict, then
    /// loads the product and its shop; null when either is gone or the shop is closed.
    /// </summary>
    public static async Task<Managed?> LockAsync(IDocumentSession session, Guid productId, CancellationToken ct)
    {
        await AdvisoryLocks.HoldAsync(session, $"product:{productId}", ct);
        var product = await session.LoadAsync<Product>(productId, ct);
        var shop = product is null ? null : await session.LoadAsync<Shop>(product.ShopId, ct);
        return product is null || shop is null || shop.Status == ShopStatus.Closed ? null : new Managed(product, shop);
    }

    public static async Task<Managed?> ManagedAsync(IQuerySession session, Guid productId, ClaimsPrincipal user, CancellationToken ct)
    {
        var product = await session.LoadAsync<Product>(productId, ct);
        if (product is null)
        {
            return null;
        }

        var shop = await ShopAccess.ManagedAsync(session, product.ShopId, user, ct);
        return shop is null || shop.Status == ShopStatus.Closed ? null : new Managed(product, shop);
    }
}
