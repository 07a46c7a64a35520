using JasperFx.Events;
using Marketplace.Features.Orders;
using Marten;
using Marten.Events.Projections;

namespace Marketplace.Features.Sales;

/// <summary>
/// Turns an order's money events into one <see cref="ShopSalesEntry"/> per shop of the order, dated by the event's own
/// time in UTC. Inline: the entries commit with the payment, refund or dispute that caused them (the sales view is never
/// behind), and since each event only inserts its own rows there is nothing for concurrent orders to overwrite.
/// </summary>
public sealed partial class ShopSalesProjection : EventProjection
{
    public ShopSalesProjection()
    {
        Name = "ShopSales";
        IncludeType<OrderPaid>();
        IncludeType<RefundRequested>();
        IncludeType<OrderDisputed>();
        IncludeType<DisputeClosed>();
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        // Only money events load the order (checkout's own events pass by without a query). An order's lines and shops
        // never change after it is placed, so its current snapshot prices any of its events.
        if (e.Data is not (OrderPaid or RefundRequested or OrderDisputed or DisputeClosed { Won: false })
            || await operations.LoadAsync<Order>(e.StreamId, cancellation) is not { } order)
        {
            return;
        }

        var entries = e.Data switch
        {
            OrderPaid paid => Sales(order, paid.At),
            // A refund counts when it is decided, per shop as decided; a lost dispute's clawback counts as the dispute's.
            RefundRequested { Cause: not RefundCauses.DisputeLost } refund => refund.Shops.Select(s => Entry(s.ShopId, paid: null, at: refund.At, refunds: s.Amount)),
            OrderDisputed disputed => ShopSalesAllocation.Prorate(order, disputed.Amount)
                .Select(d => Entry(d.Key, null, disputed.At, disputes: 1, disputed: d.Value)),
            DisputeClosed { Won: false } closed => order.Shops.Select(s => Entry(s.ShopId, null, closed.At, disputesLost: 1)),
            _ => [],
        };

        foreach (var entry in entries)
        {
            entry.Id = ShopSalesEntry.IdOf(e.Id, entry.ShopId);
            entry.OrderId = order.Id;
            entry.Currency = order.Currency;
            operations.Store(entry);
        }
    }

    private static IEnumerable<ShopSalesEntry> Sales(Order order, DateTimeOffset at) =>
        order.Shops.Select(s => Entry(s.ShopId, s, at));

    private static ShopSalesEntry Entry(
        Guid shopId, ShopShare? paid, DateTimeOffset at, long refunds = 0, int disputes = 0, long disputed = 0, int disputesLost = 0) => new()
    {
        ShopId = shopId, Day = DateOnly.FromDateTime(at.UtcDateTime), Orders = paid is null ? 0 : 1, Gross = paid?.Subtotal ?? 0,
        Fees = paid?.Fee ?? 0, Net = paid?.Share ?? 0, Refunds = refunds, Disputes = disputes, Disputed = disputed, DisputesLost = disputesLost,
    };
}
