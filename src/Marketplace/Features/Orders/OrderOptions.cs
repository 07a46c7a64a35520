namespace Marketplace.Features.Orders;

/// <summary>Order settings (section <c>Orders</c>): the platform's fee and how long a checkout may stay open.</summary>
public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>The fee every shop pays unless <see cref="ShopFees"/> names it, until an admin sets fees (<see cref="PlatformFees"/>).</summary>
    public FeeSettings Fee { get; set; } = new();

    /// <summary>Per-shop fees, keyed by the shop's id (a negotiated rate, a launch partner); seeds <see cref="PlatformFees"/>.</summary>
    public Dictionary<string, FeeSettings> ShopFees { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the hosted checkout stays open (Stripe allows 30 minutes to 24 hours); reservations last as long.</summary>
    public TimeSpan CheckoutLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most copies of a limited edition one line may hold.</summary>
    public int MaxQuantity { get; set; } = 100;
}

/// <summary>A fee: a percentage in basis points (1000 = 10%) of a shop's part of an order, plus a fixed amount in minor units.</summary>
public sealed record FeeSettings
{
    public int BasisPoints { get; init; } = 1000;
    public long Fixed { get; init; } = 30;
}
