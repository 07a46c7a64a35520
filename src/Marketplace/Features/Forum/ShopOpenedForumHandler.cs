using Marketplace.Features.Shops;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>Every shop gets its own support category when it opens; the owner's posts there carry the seller badge.</summary>
public static class ShopOpenedForumHandler
{
    /// <summary>Shop support categories come after the community's own.</summary>
    public const int Position = 1000;

    public static string SlugOf(string shopSlug) => $"shop-{shopSlug}";

    public static async Task HandleAsync(ShopOpened opened, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<ForumCategory>(opened.ShopId, ct) is not null)
        {
            return;
        }

        session.Insert(new ForumCategory
        {
            Id = opened.ShopId,
            Slug = SlugOf(opened.Slug),
            Name = $"{opened.Name} support",
            Description = $"Questions and help about {opened.Name}'s products. The seller answers here.",
            Position = Position,
            CreatedAt = clock.GetUtcNow(),
            ShopId = opened.ShopId,
            SellerId = opened.OwnerId,
        });
    }
}
