namespace Marketplace.Features.Sales;

/// <summary>
/// What one order event did to one shop's sales on one UTC day: a sale (orders, gross, fees, net), a refund, a dispute
/// opened or a dispute lost. Written once by the event that caused it and never updated, so concurrent orders of a shop
/// never contend on a shared row; the sales view sums them per day.
/// </summary>
public sealed class ShopSalesEntry
{
    /// <summary>The event's id and the shop's: one entry per event and shop, so a replay writes the same rows again.</summary>
    public string Id { get; set; } = "";
    public Guid ShopId { get; set; }
    public Guid OrderId { get; set; }
    public DateOnly Day { get; set; }
    public string Currency { get; set; } = "";
    public int Orders { get; set; }
    public long Gross { get; set; }
    public long Fees { get; set; }
    public long Net { get; set; }
    public long Refunds { get; set; }
    public int Disputes { get; set; }
    public long Disputed { get; set; }
    public int DisputesLost { get; set; }

    public static string IdOf(Guid eventId, Guid shopId) => $"{eventId:N}-{shopId:N}";
}
