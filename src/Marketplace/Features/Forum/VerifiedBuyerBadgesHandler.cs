using Marketplace.Features.Orders;
using Marten;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Features.Forum;

/// <summary>A member's badge in a thread, turned on or off: readers update every post of theirs already on screen.</summary>
public sealed record AuthorBadge(Guid ThreadId, Guid AuthorId, string Badge, bool On);

/// <summary>
/// When a buyer's entitlements change (the payment landed, a line was wholly refunded, a dispute froze or restored
/// them), the support threads of those products that are open on someone's screen get <c>AuthorBadge</c> with the
/// buyer's "verified buyer" badge as it is now. It runs after the change committed (the message leaves through the
/// outbox), so readers never see a badge the database does not hold.
/// </summary>
public static class VerifiedBuyerBadgesHandler
{
    public const string Method = "AuthorBadge";

    public static async Task HandleAsync(EntitlementsChanged message, IQuerySession session, IHubContext<ForumHub> hub, CancellationToken ct)
    {
        // A product's support thread has the product's id.
        var threads = await session.LoadManyAsync<ForumThread>(ct, message.ProductIds.Distinct().ToArray());
        if (threads.Count == 0)
        {
            return;
        }

        var verified = await VerifiedBuyers.ProductsOwnedAsync(session, message.BuyerId, [.. threads.Select(t => t.Id)], ct);
        foreach (var thread in threads)
        {
            await hub.Clients.Group(ForumHub.Group(thread.Id))
                .SendAsync(Method, new AuthorBadge(thread.Id, message.BuyerId, ForumBadges.VerifiedBuyer, verified.Contains(thread.Id)), ct);
        }
    }
}
