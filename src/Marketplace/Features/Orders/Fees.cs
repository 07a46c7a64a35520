namespace Marketplace.Features.Orders;

/// <summary>
/// The platform's fee, shop by shop, in integer minor units (docs/orders.md#fees). For each shop of an order:
/// <c>fee = min(subtotal, round_half_up(subtotal × basisPoints / 10000) + fixed)</c> and <c>share = subtotal − fee</c>;
/// the platform keeps the sum of the fees. Every amount is an integer and each share is its subtotal minus its fee, so
/// the shares plus the platform's fee are the amount charged, exactly, whatever the rates.
/// </summary>
public static class Fees
{
    public sealed record ShopSubtotal(Guid ShopId, long Subtotal, FeeSettings Fee);

    public sealed record ShopSplit(Guid ShopId, long Subtotal, long Fee, long Share);

    public static long FeeOf(long subtotal, FeeSettings fee)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(subtotal);
        ArgumentOutOfRangeException.ThrowIfNegative(fee.BasisPoints);
        ArgumentOutOfRangeException.ThrowIfNegative(fee.Fixed);
        // Half up: 0.5 of a minor unit goes to the platform, anything less to the seller.
        var percentage = checked((subtotal * fee.BasisPoints + 5_000) / 10_000);
        return Math.Min(subtotal, checked(percentage + fee.Fixed));
    }

    public static IReadOnlyList<ShopSplit> Split(IEnumerable<ShopSubtotal> shops) =>
        [.. shops.Select(shop =>
        {
            var fee = FeeOf(shop.Subtotal, shop.Fee);
            return new ShopSplit(shop.ShopId, shop.Subtotal, fee, shop.Subtotal - fee);
        })];

    /// <summary>
    /// The part of a shop's fee the platform has given back once <paramref name="refunded"/> of its subtotal is refunded:
    /// the fee in proportion, rounded half up like the fee itself, on the cumulative refunded amount, so that successive
    /// refunds add up to the whole fee when the whole subtotal is refunded, and never to more than what was refunded.
    /// </summary>
    public static long FeeReturnedAfter(long refunded, long subtotal, long fee)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(refunded);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(refunded, subtotal);
        return subtotal == 0 ? 0 : checked((2 * fee * refunded + subtotal) / (2 * subtotal));
    }
}
