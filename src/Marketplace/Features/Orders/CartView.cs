using Marketplace.Features.Catalog;
using Marketplace.Features.Shops;
using Marten;

namespace Marketplace.Features.Orders;

/// <summary>
/// A cart as the buyer sees it and as checkout buys it: each product at its price now. A product that cannot be bought
/// now (unpublished, its shop suspended or closed, gone, sold out, already owned) is dropped from the lines and the total,
/// with a sentence saying why; it stays in the stored cart, so it is back once the product is.
/// </summary>
public sealed record CartView(IReadOnlyList<CartView.Line> Lines, IReadOnlyList<CartView.Dropped> DroppedLines, long Total, string Currency)
{
    public sealed record Line(
        Guid ProductId, string Title, string Url, Guid ShopId, string ShopName, long UnitAmount, int Quantity, long Amount, int? EditionRemaining, string? Notice);

    public sealed record Dropped(Guid ProductId, string Title, string Message);

    /// <summary>The product, its shop and what is left of its edition, as a cart or a checkout needs them.</summary>
    public sealed record Priced(Product Product, Shop Shop, int? Remaining);

    public static async Task<CartView> OfAsync(IQuerySession session, Cart? cart, string currency, CancellationToken ct)
    {
        var items = cart?.Items ?? [];
        var priced = await PriceAsync(session, items.Select(i => i.ProductId), ct);
        var buyerId = cart?.Id ?? Guid.Empty;
        var ids = items.Select(i => i.ProductId).ToArray();
        var owned = (await session.Query<Entitlement>()
            .Where(e => e.BuyerId == buyerId && e.State == EntitlementState.Active && e.ProductId.IsOneOf(ids))
            .Select(e => e.ProductId).ToListAsync(ct)).ToHashSet();

        var lines = new List<Line>();
        var dropped = new List<Dropped>();
        foreach (var item in items)
        {
            priced.TryGetValue(item.ProductId, out var found);
            if (WhyNot(found, item.Quantity, owned.Contains(item.ProductId)) is { } why)
            {
                dropped.Add(new Dropped(item.ProductId, found?.Product.Title ?? "A product", why));
                continue;
            }

            var product = found!.Product;
            var notice = item.PriceWhenAdded != product.PriceAmount
                ? $"The price changed from {Money(item.PriceWhenAdded, currency)} to {Money(product.PriceAmount, currency)} since you added it."
                : null;
            lines.Add(new Line(product.Id, product.Title, ProductView.UrlOf(product), found.Shop.Id, found.Shop.Name, product.PriceAmount, item.Quantity,
                product.PriceAmount * item.Quantity, found.Remaining, notice));
        }

        return new CartView(lines, dropped, lines.Sum(l => l.Amount), currency);
    }

    /// <summary>Why the product cannot be bought in that quantity now, in a sentence for the buyer; null when it can.</summary>
    public static string? WhyNot(Priced? priced, int quantity, bool owned) => priced switch
    {
        null => "This product is no longer sold.",
        { Shop.Status: not ShopStatus.Active } => $"{priced.Shop.Name} is not selling at the moment.",
        { Product.Takedown: not null } => "This product was taken down by the marketplace's moderators.",
        { Product.Status: not ProductStatus.Published } => "Its seller has withdrawn this product for now.",
        { Remaining: 0 } => "This limited edition is sold out.",
        { Remaining: { } left } when left < quantity => $"Only {left} of this limited edition are left; lower the quantity.",
        _ when owned => "You own this product already: it is in your library.",
        _ => null,
    };

    public static async Task<Dictionary<Guid, Priced>> PriceAsync(IQuerySession session, IEnumerable<Guid> productIds, CancellationToken ct)
    {
        var products = await session.LoadManyAsync<Product>(ct, productIds.Distinct().ToArray());
        var shops = (await session.LoadManyAsync<Shop>(ct, products.Select(p => p.ShopId).Distinct().ToArray())).ToDictionary(s => s.Id);
        var limited = products.Where(p => p.EditionSize is not null).Select(p => p.Id).ToArray();
        var stock = (await session.LoadManyAsync<EditionStock>(ct, limited)).ToDictionary(s => s.Id);
        return products.Where(p => shops.ContainsKey(p.ShopId)).ToDictionary(p => p.Id, p => new Priced(p, shops[p.ShopId],
            p.EditionSize is { } size ? (stock.TryGetValue(p.Id, out var s) ? s.Remaining(size) : size) : null));
    }

    private static string Money(long amount, string currency) => Infrastructure.Payments.Money.Format(amount, currency);
}
