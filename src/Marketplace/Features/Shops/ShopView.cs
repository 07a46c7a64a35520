namespace Marketplace.Features.Shops;

/// <summary>A shop as the public sees it.</summary>
public sealed record ShopView(
    Guid Id, string Slug, string Name, string Description, Guid OwnerId, string? LogoUrl, bool Suspended, bool CanPublish, DateTimeOffset CreatedAt)
{
    public static ShopView Of(Shop shop) => new(
        shop.Id, shop.Slug, shop.Name, shop.Description, shop.OwnerId, LogoUrlOf(shop), shop.Status == ShopStatus.Suspended, shop.CanPublish, shop.CreatedAt);

    public static string? LogoUrlOf(Shop shop) =>
        shop.LogoVersion is { } version ? $"/api/shops/{shop.Slug}/logo?v={version}" : null;
}
