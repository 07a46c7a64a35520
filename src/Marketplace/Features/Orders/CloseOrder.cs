using Marten;
using JasperFx.Events;
using Wolverine.Attributes;

namespace Marketplace.Features.Orders;

/// <summary>
/// Closes an order that was not paid: its checkout expired, its payment failed, or checkout never started. The copies it
/// held go back to their editions and its lines back to the buyer's cart. An order already paid or closed is left as it is.
/// </summary>
[WolverineHandler]
public static class CloseOrder
{
    public sealed record Command(Guid OrderId, bool Expired, string Reason);

    public static Task HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        return CloseAsync(session, command.OrderId, command.Expired ? new OrderExpired(at) : new OrderCancelled(command.Reason, at), ct);
    }

    /// <summary>Closes the order with <paramref name="closing"/> if it is still open, under its locks, and gives back what it held.</summary>
    public static async Task CloseAsync(IDocumentSession session, Guid orderId, object closing, CancellationToken ct)
    {
        if (await session.LoadAsync<Order>(orderId, ct) is not { IsOpen: true } order)
        {
            return;
        }

        await OrderLocks.HoldAsync(session, [OrderLocks.OrderKey(order.Id)], ct);
        await OrderLocks.TakeAsync(session, [OrderLocks.CartKey(order.BuyerId)], ct);
        var stream = await session.Events.FetchForWriting<Order>(orderId, ct);
        if (Close(stream, closing))
        {
            await ReleaseAsync(session, stream.Aggregate!, ct);
        }
    }

    /// <summary>Appends the closing event when the order is still open; the caller then releases what it held.</summary>
    public static bool Close(IEventStream<Order> stream, object closing)
    {
        if (stream.Aggregate is not { IsOpen: true })
        {
            return false;
        }

        stream.AppendOne(closing);
        return true;
    }

    /// <summary>
    /// Releases the editions' copies and puts the lines back in the cart, once the order was closed in this session
    /// (the caller holds the buyer's cart lock).
    /// </summary>
    public static async Task ReleaseAsync(IDocumentSession session, Order order, CancellationToken ct)
    {
        var limited = order.Lines.Where(l => l.LimitedEdition).Select(l => l.ProductId).ToArray();
        if (limited.Length > 0)
        {
            await OrderLocks.TakeEditionsAsync(session, limited, ct);
            foreach (var stock in await session.LoadManyAsync<EditionStock>(ct, limited))
            {
                if (stock.Held.Remove(order.Id))
                {
                    session.Store(stock);
                }
            }
        }

        var cart = await session.LoadAsync<Cart>(order.BuyerId, ct) ?? new Cart { Id = order.BuyerId };
        foreach (var line in order.Lines.Where(l => cart.Items.All(i => i.ProductId != l.ProductId)))
        {
            cart.Items.Add(new CartItem { ProductId = line.ProductId, Quantity = line.Quantity, PriceWhenAdded = line.UnitAmount, AddedAt = order.PlacedAt });
        }

        session.Store(cart);
    }
}
