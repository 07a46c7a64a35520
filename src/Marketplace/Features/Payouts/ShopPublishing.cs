using Marketplace.Features.Shops;

namespace Marketplace.Features.Payouts;

/// <summary>Whether a shop may publish products: the rule the shop's pages, its payouts and (later) the catalog share.</summary>
public static class ShopPublishing
{
    /// <summary>Only an active shop whose connected account Stripe lets take charges and pay out may publish.</summary>
    public static bool Allowed(Shop shop, ShopPayoutAccount? payouts) =>
        shop.Status == ShopStatus.Active && payouts is { ReadyToSell: true };
}
