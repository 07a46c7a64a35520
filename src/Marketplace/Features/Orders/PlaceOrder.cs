using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Orders;

/// <summary>
/// The first half of checkout: prices the buyer's cart again from the products, reserves the copies of limited
/// editions under their locks, starts the order's stream and empties the cart of what the order holds, in one
/// transaction. A refusal (nothing to buy, a total Stripe cannot charge, an edition sold out meanwhile) changes nothing.
/// A cart of free products (a total of 0) needs no Stripe: its order carries <see cref="OrderPayment.CompleteFreeOrder"/>.
/// </summary>
[WolverineHandler]
public static class PlaceOrder
{
    public sealed record Command(Guid BuyerId, string Currency);

    public sealed record Outcome(Order? Order, IResult? Problem);

    public static async Task<Outcome> HandleAsync(
        Command command, IDocumentSession session, IMessageBus messages, IOptions<OrderOptions> options, TimeProvider clock, CancellationToken ct)
    {
        await OrderLocks.HoldAsync(session, [OrderLocks.CartKey(command.BuyerId)], ct);
        var cart = await session.LoadAsync<Cart>(command.BuyerId, ct);
        var view = await CartView.OfAsync(session, cart, command.Currency, ct);
        if (view.Lines.Count == 0)
        {
            return new Outcome(null, OrderProblems.CartEmpty(view.DroppedLines.Count == 0
                ? "Your cart is empty."
                : string.Join(" ", view.DroppedLines.Select(d => $"{d.Title}: {d.Message}"))));
        }

        var minimum = StripeMinimums.Of(command.Currency);
        if (view.Total > 0 && view.Total < minimum)
        {
            return new Outcome(null, OrderProblems.BelowMinimumCharge(view.Total, minimum, command.Currency));
        }

        var orderId = Guid.CreateVersion7();
        var limited = view.Lines.Where(l => l.EditionRemaining is not null).ToList();
        if (limited.Count > 0 && await ReserveAsync(session, orderId, limited, ct) is { } soldOut)
        {
            return new Outcome(null, soldOut);
        }

        var lines = view.Lines.Select((l, i) => new OrderLine(i + 1, l.ProductId, l.ShopId, l.Title, l.UnitAmount, l.Quantity, l.EditionRemaining is not null)).ToList();
        var shopNames = view.Lines.GroupBy(l => l.ShopId).ToDictionary(g => g.Key, g => g.First().ShopName);
        var fees = await PlatformFees.LoadAsync(session, options.Value, ct);
        var splits = Fees.Split(lines.GroupBy(l => l.ShopId).Select(g => new Fees.ShopSubtotal(g.Key, g.Sum(l => l.Amount), fees.FeeOf(g.Key))));
        var shares = splits.Select(s => new ShopShare(s.ShopId, shopNames[s.ShopId], s.Subtotal, s.Fee, s.Share)).ToList();
        var placed = new OrderPlaced(orderId, command.BuyerId, command.Currency, lines, shares, view.Total, shares.Sum(s => s.Fee), clock.GetUtcNow());
        session.Events.StartStream<Order>(orderId, placed);

        // The cart empties when the order is placed; if the order closes unpaid, its lines come back (OrderClosing).
        var bought = lines.Select(l => l.ProductId).ToHashSet();
        cart!.Items.RemoveAll(i => bought.Contains(i.ProductId));
        cart.UpdatedAt = placed.At;
        session.Store(cart);
        if (placed.Total == 0)
        {
            await messages.PublishAsync(new OrderPayment.CompleteFreeOrder(orderId));
        }

        return new Outcome(Order.Create(placed), null);
    }

    /// <summary>Holds the copies for the order, each edition under its lock and re-read there; the refusal when one is short.</summary>
    private static async Task<IResult?> ReserveAsync(IDocumentSession session, Guid orderId, List<CartView.Line> limited, CancellationToken ct)
    {
        var ids = limited.Select(l => l.ProductId).ToArray();
        await OrderLocks.TakeEditionsAsync(session, ids, ct);
        var priced = await CartView.PriceAsync(session, ids, ct);
        var stocks = (await session.LoadManyAsync<EditionStock>(ct, ids)).ToDictionary(s => s.Id);
        foreach (var line in limited)
        {
            var product = priced[line.ProductId].Product;
            var stock = stocks.GetValueOrDefault(line.ProductId) ?? new EditionStock { Id = line.ProductId };
            var remaining = stock.Remaining(product.EditionSize ?? 0);
            if (remaining < line.Quantity)
            {
                return OrderProblems.SoldOut(remaining == 0
                    ? $"{line.Title} sold out while you were checking out."
                    : $"Only {remaining} of {line.Title} are left; lower the quantity in your cart.");
            }

            stock.Held[orderId] = line.Quantity;
            stocks[line.ProductId] = stock;
        }

        foreach (var stock in stocks.Values)
        {
            session.Store(stock);
        }

        return null;
    }
}
