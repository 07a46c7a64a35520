using Marketplace.Features.Shops;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>
/// A shop's support category follows the shop: read-only while the shop is suspended or closed (its history stays
/// readable, nobody but moderators posts there), open again when it is reinstated.
/// </summary>
public static class ShopStatusChangedForumHandler
{
    public static async Task HandleAsync(ShopStatusChanged changed, IDocumentSession session, CancellationToken ct)
    {
        // The shop's status now, not the message's: messages about one shop may be handled out of order.
        var shop = await session.LoadAsync<Shop>(changed.ShopId, ct);
        var category = await session.LoadAsync<ForumCategory>(changed.ShopId, ct);
        var readOnly = shop?.Status != ShopStatus.Active;
        if (category?.ShopId != changed.ShopId || category.ReadOnly == readOnly)
        {
            return;
        }

        category.ReadOnly = readOnly;
        session.Update(category);
    }
}
