namespace Marketplace.Features.Shops;

/// <summary>A shop was opened; other features set up what every shop gets (its forum support category).</summary>
public sealed record ShopOpened(Guid ShopId, Guid OwnerId, string Name, string Slug);

/// <summary>A shop was suspended, closed or reinstated; its forum support category takes no new posts unless it is active.</summary>
public sealed record ShopStatusChanged(Guid ShopId, ShopStatus Status, DateTimeOffset At);

/// <summary>A shop's name or logo changed; what shows it elsewhere (its products' listings) follows.</summary>
public sealed record ShopRenamed(Guid ShopId);
