using Marketplace.Features.Orders;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>
/// The "verified buyer" badge in a product's support thread (the thread's id is the product's): an author holding an
/// active entitlement to the product. Read when posts are shown, never stored on the post, so it appears as the payment
/// lands and goes when the line is refunded (its entitlement revoked) or frozen by a dispute; posts already on screen
/// follow through <see cref="VerifiedBuyerBadgesHandler"/>.
/// </summary>
public static class VerifiedBuyers
{
    /// <summary>The posts with the badge added to their buyers' authors: one query for the page's authors, whatever their number.</summary>
    public static async Task<IReadOnlyList<PostView>> BadgeAsync(IQuerySession session, Guid threadId, IReadOnlyList<PostView> posts, CancellationToken ct)
    {
        var authors = posts.Select(p => p.Author.Id).Distinct().ToArray();
        if (authors.Length == 0)
        {
            return posts;
        }

        var buyers = (await session.Query<Entitlement>()
            .Where(e => e.ProductId == threadId && e.State == EntitlementState.Active && e.BuyerId.IsOneOf(authors))
            .Select(e => e.BuyerId).ToListAsync(ct)).ToHashSet();
        return buyers.Count == 0 ? posts : [.. posts.Select(p => buyers.Contains(p.Author.Id) ? WithBadge(p) : p)];
    }

    /// <summary>Which of these products the member holds an active entitlement to (the threads where they are a verified buyer).</summary>
    public static async Task<IReadOnlySet<Guid>> ProductsOwnedAsync(IQuerySession session, Guid memberId, Guid[] productIds, CancellationToken ct) =>
        (await session.Query<Entitlement>()
            .Where(e => e.BuyerId == memberId && e.State == EntitlementState.Active && e.ProductId.IsOneOf(productIds))
            .Select(e => e.ProductId).ToListAsync(ct)).ToHashSet();

    public static async Task<PostView> BadgeAsync(IQuerySession session, PostView post, CancellationToken ct) =>
        (await BadgeAsync(session, post.ThreadId, [post], ct))[0];

    private static PostView WithBadge(PostView post) =>
        post.Author.Badges.Contains(ForumBadges.VerifiedBuyer)
            ? post
            : post with { Author = post.Author with { Badges = [.. post.Author.Badges, ForumBadges.VerifiedBuyer] } };
}
