namespace Marketplace.Features.Shops;

public enum ShopStatus
{
    Active,
    Suspended,
    Closed,
}

/// <summary>A seller's shop: one per owner, public at <c>/shops/{slug}</c>, paid out through its Stripe connected account.</summary>
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

    /// <summary>The Stripe connected account, once onboarding has started.</summary>
    public string? StripeAccountId { get; set; }

    public PayoutAccountState Payouts { get; set; } = new();

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    /// <summary>Products may be published only by an active shop that Stripe lets take charges and pay out.</summary>
    public bool CanPublish => Status == ShopStatus.Active && Payouts is { ChargesEnabled: true, PayoutsEnabled: true, Deauthorized: false };
}

/// <summary>What Stripe last told us about the shop's connected account.</summary>
public sealed class PayoutAccountState
{
    public bool ChargesEnabled { get; set; }
    public bool PayoutsEnabled { get; set; }
    public bool DetailsSubmitted { get; set; }
    public List<string> RequirementsDue { get; set; } = [];
    public string? DisabledReason { get; set; }

    /// <summary>The seller disconnected the platform from their Stripe account.</summary>
    public bool Deauthorized { get; set; }

    public DateTimeOffset? OnboardedAt { get; set; }
    public DateTimeOffset? SyncedAt { get; set; }
}
