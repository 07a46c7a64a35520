namespace Marketplace.Features.Shops;

/// <summary>A shop was opened; other features set up what every shop gets (its forum support category).</summary>
public sealed record ShopOpened(Guid ShopId, Guid OwnerId, string Name, string Slug);
