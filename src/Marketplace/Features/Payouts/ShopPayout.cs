namespace Marketplace.Features.Payouts;

/// <summary>A payout from a shop's Stripe balance to its bank, as the payout webhooks reported it.</summary>
public sealed class ShopPayout
{
    /// <summary>Stripe's payout id (<c>po_…</c>).</summary>
    public string Id { get; set; } = "";
    public Guid ShopId { get; set; }
    public long Amount { get; set; }
    public string Currency { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ArrivalDate { get; set; }
    public string? FailureCode { get; set; }
    public string? FailureMessage { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    /// <summary>Paid, failed and canceled are final: a late event about an earlier stage never moves a payout back.</summary>
    public static bool IsFinal(string status) => status is "paid" or "failed" or "canceled";
}
