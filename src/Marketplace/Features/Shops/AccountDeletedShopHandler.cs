using Marketplace.Features.Accounts;
using Marten;

namespace Marketplace.Features.Shops;

/// <summary>
/// A seller deleted their account: the shop closes (its page and address disappear, nothing more can be sold).
/// Buyers keep what they bought; products go with the catalog's own handler; the support category closes to new posts.
/// </summary>
public static class AccountDeletedShopHandler
{
    public const string ClosedReason = "The owner deleted their account.";

    public static async Task<ShopStatusChanged?> HandleAsync(AccountDeleted deleted, IDocumentSession session, CancellationToken ct)
    {
        var shop = await ShopAccess.OwnedByAsync(session, deleted.UserId, ct);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return null;
        }

        shop.Status = ShopStatus.Closed;
        shop.StatusReason = ClosedReason;
        shop.UpdatedAt = deleted.DeletedAt;
        session.Update(shop);
        return new ShopStatusChanged(shop.Id, shop.Status, deleted.DeletedAt);
    }
}
