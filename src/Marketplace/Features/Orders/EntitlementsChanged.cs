namespace Marketplace.Features.Orders;

/// <summary>
/// A buyer's entitlements to these products were granted, revoked, frozen or restored (published with the change, through
/// the outbox): what depends on who owns what, such as the forum's verified-buyer badge, is brought up to date.
/// </summary>
public sealed record EntitlementsChanged(Guid BuyerId, IReadOnlyList<Guid> ProductIds);
