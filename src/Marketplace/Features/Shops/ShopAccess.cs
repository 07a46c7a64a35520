using System.Security.Claims;
using Marketplace.Features.Accounts;
using Marten;

namespace Marketplace.Features.Shops;

/// <summary>Loads a shop for someone who manages it: its owner, or an admin. Anyone else gets nothing, as for a missing shop.</summary>
public static class ShopAccess
{
    public static async Task<Shop?> ManagedAsync(IQuerySession session, Guid shopId, ClaimsPrincipal user, CancellationToken ct)
    {
        var shop = await session.LoadAsync<Shop>(shopId, ct);
        return shop is not null && (shop.OwnerId == Members.IdOf(user) || Members.IsAdmin(user)) ? shop : null;
    }

    public static Task<Shop?> OwnedByAsync(IQuerySession session, Guid ownerId, CancellationToken ct) =>
        session.Query<Shop>().FirstOrDefaultAsync(s => s.OwnerId == ownerId, ct);
}
