namespace Marketplace.Features.Payouts;

/// <summary>
/// A shop's Stripe connected account and what Stripe last told us about it: one per shop, under the shop's id, with
/// the account id unique. It is a document of its own so that Stripe's webhooks, which write it, never contend with
/// the seller's edits of the <see cref="Shops.Shop"/>.
/// </summary>
public sealed class ShopPayoutAccount
{
    public Guid ShopId { get; set; }

    /// <summary>Stripe's connected account id (<c>acct_…</c>).</summary>
    public string AccountId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public bool ChargesEnabled { get; set; }
    public bool PayoutsEnabled { get; set; }
    public bool DetailsSubmitted { get; set; }
    public List<string> RequirementsDue { get; set; } = [];
    public string? DisabledReason { get; set; }

    /// <summary>The seller disconnected the platform from their Stripe account. Final: later account events change nothing.</summary>
    public bool Deauthorized { get; set; }

    /// <summary>When Stripe first let the account take charges and pay out; the seller is mailed then, once.</summary>
    public DateTimeOffset? OnboardedAt { get; set; }

    /// <summary>When what Stripe said about the account was last stored (first read, or a change since).</summary>
    public DateTimeOffset? SyncedAt { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    /// <summary>Stripe lets the account take charges and pay out, and the seller has not disconnected it.</summary>
    public bool ReadyToSell => ChargesEnabled && PayoutsEnabled && !Deauthorized;
}
