using Marketplace.Features.Accounts;
using Marten;

namespace Marketplace.Features.Shops;

/// <summary>
/// A seller deleted their account: the shop closes (its page and address disappear, nothing more can be sold).
/// Buyers keep what they bought; products go with the catalog's own handler.
/// </summary>
public static class AccountDeletedShopHandler
{
    public const string ClosedReason = "The owner deleted their account.";

    public static async Task HandleAsync(AccountDeleted deleted, IDocumentSession session, CancellationToken ct)
    {
        var shop = await ShopAccess.OwnedByAsync(session, deleted.UserId, ct);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return;
        }

        shop.Status = ShopStatus.Closed;
        shop.StatusReason = ClosedReason;
        shop.UpdatedAt = deleted.DeletedAt;
        session.Update(shop);
    }
}
