using Marketplace.Features.Orders;

namespace Marketplace.Features.Sales;

/// <summary>How an amount of a whole order (a dispute) is split among its shops, in whole minor units.</summary>
public static class ShopSalesAllocation
{
    /// <summary>An amount of the whole charge (a dispute), shared among the shops in proportion to their subtotals.</summary>
    public static IReadOnlyDictionary<Guid, long> Prorate(Order order, long amount) =>
        Split(amount, order.Shops.ToDictionary(s => s.ShopId, s => s.Subtotal));

    /// <summary>Each part rounded down, the cents left over given to the largest weights first: the parts always add up to the amount.</summary>
    public static IReadOnlyDictionary<Guid, long> Split(long amount, IReadOnlyDictionary<Guid, long> weights)
    {
        var total = weights.Values.Sum();
        if (total <= 0 || weights.Count == 0)
        {
            return new Dictionary<Guid, long>();
        }

        if (amount == total)
        {
            return weights.ToDictionary();
        }

        var parts = weights.ToDictionary(w => w.Key, w => (long)((Int128)amount * w.Value / total));
        var left = amount - parts.Values.Sum();
        foreach (var shop in weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key).Select(w => w.Key))
        {
            if (left-- <= 0)
            {
                break;
            }

            parts[shop]++;
        }

        return parts;
    }
}
