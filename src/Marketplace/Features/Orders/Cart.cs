namespace Marketplace.Features.Orders;

/// <summary>A buyer's cart, under the buyer's id: what they mean to buy, without prices (those are read when shown and at checkout).</summary>
public sealed class Cart
{
    public Guid Id { get; set; }
    public List<CartItem> Items { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A product in a cart, with the price the buyer saw when adding it (only to tell them when it changed).</summary>
public sealed class CartItem
{
    public Guid ProductId { get; set; }
    public int Quantity { get; set; }
    public long PriceWhenAdded { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>
/// The copies of a limited edition that are sold or held by open orders, under the product's id. Only written under
/// the product's edition lock (<see cref="OrderLocks"/>), so counting and reserving cannot interleave.
/// </summary>
public sealed class EditionStock
{
    public Guid Id { get; set; }
    public int Sold { get; set; }

    /// <summary>Copies held for open orders, by order id, until the order is paid (sold) or closes (released).</summary>
    public Dictionary<Guid, int> Held { get; set; } = [];

    public int Remaining(int editionSize) => Math.Max(0, editionSize - Sold - Held.Values.Sum());
}

public enum EntitlementState
{
    Active,
    Revoked,
    Frozen,
}

/// <summary>A buyer's right to a purchased product, one per order line; the downloads feature serves files against it.</summary>
public sealed class Entitlement
{
    public Guid Id { get; set; }
    public Guid BuyerId { get; set; }
    public Guid ProductId { get; set; }
    public Guid OrderId { get; set; }
    public int Line { get; set; }
    public int Quantity { get; set; }
    public EntitlementState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An entitlement was granted (in the transaction that granted it): the downloads feature makes the buyer's copies.</summary>
public sealed record EntitlementGranted(Guid EntitlementId);
