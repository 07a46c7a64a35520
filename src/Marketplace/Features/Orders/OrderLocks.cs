using Marten;

namespace Marketplace.Features.Orders;

/// <summary>
/// The advisory locks of the orders feature, held until the handler's transaction ends: an order, a buyer's cart, and
/// each limited edition's stock. Several are always taken in one order (the order, then the cart, then editions by id),
/// so two handlers never deadlock.
/// </summary>
public static class OrderLocks
{
    public static string CartKey(Guid buyerId) => $"cart:{buyerId}";

    /// <summary>An order's payment, closing, refunds and disputes: two decisions about one order take turns.</summary>
    public static string OrderKey(Guid orderId) => $"order:{orderId}";

    public static string EditionKey(Guid productId) => $"edition:{productId}";

    /// <summary>Opens the session's transaction and takes the locks, in key order.</summary>
    public static async Task HoldAsync(IDocumentSession session, IEnumerable<string> keys, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await TakeAsync(session, keys, ct);
    }

    /// <summary>Takes more locks in a transaction already open (after the order's and the cart's).</summary>
    public static async Task TakeAsync(IDocumentSession session, IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))", ct, key);
        }
    }

    public static Task HoldEditionsAsync(IDocumentSession session, IEnumerable<Guid> productIds, CancellationToken ct) =>
        HoldAsync(session, productIds.Select(EditionKey), ct);

    public static Task TakeEditionsAsync(IDocumentSession session, IEnumerable<Guid> productIds, CancellationToken ct) =>
        TakeAsync(session, productIds.Select(EditionKey), ct);
}
