using Marketplace.Features.Payouts;
using Marten;

namespace Marketplace.Features.Shops;

/// <summary>A shop as the public sees it.</summary>
public sealed record ShopView(
    Guid Id, string Slug, string Name, string Description, Guid OwnerId, string? LogoUrl, bool Suspended, bool CanPublish, DateTimeOffset CreatedAt)
{
    /// <summary>The view of a stored shop, whose readiness to publish comes from its payout account.</summary>
    public static async Task<ShopView> OfAsync(Shop shop, IQuerySession session, CancellationToken ct) =>
        Of(shop, await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct));

    public static ShopView Of(Shop shop, ShopPayoutAccount? payouts) => new(
        shop.Id, shop.Slug, shop.Name, shop.Description, shop.OwnerId, LogoUrlOf(shop), shop.Status == ShopStatus.Suspended,
        ShopPublishing.Allowed(shop, payouts), shop.CreatedAt);

    public static string? LogoUrlOf(Shop shop) =>
        shop.LogoVersion is { } version ? $"/api/shops/{shop.Slug}/logo?v={version}" : null;
}
