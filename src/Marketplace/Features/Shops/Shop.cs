namespace Marketplace.Features.Shops;

public enum ShopStatus
{
    Active,
    Suspended,
    Closed,
}

/// <summary>
/// A seller's shop: one per owner, public at <c>/shops/{slug}</c>. Its Stripe connected account and payout status are
/// the Payouts feature's <c>ShopPayoutAccount</c>, under the same id.
/// </summary>
public sealed class Shop
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";
    public ShopStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changes whenever the logo does, so its URL can be cached forever.</summary>
    public string? LogoVersion { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }
}

