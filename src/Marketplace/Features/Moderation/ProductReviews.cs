using Marketplace.Features.Catalog;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;

namespace Marketplace.Features.Moderation;

/// <summary>A moderator approved or rejected a new shop's product; its seller is told by mail.</summary>
public sealed record ProductReviewed(Guid ProductId, Guid ShopId, string Title, bool Approved, string? Reason, string Url);

/// <summary>
/// New shops' first products awaiting approval (docs/moderation.md#first-products): until
/// <see cref="ModerationOptions.ReviewFirstProducts"/> of a shop's products were approved, publishing one puts it in
/// the queue (<see cref="QueueKinds.Review"/>) instead of the catalog; a moderator approves it (published, in the
/// catalog) or rejects it with a reason (a draft again), through <see cref="ResolveQueueItem"/>.
/// </summary>
public static class ProductReviews
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    /// <summary>The outcome of an item whose product was no longer awaiting review (unpublished, taken down) when decided.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>Whether publishing the product waits for a moderator: never published, and its shop has fewer approved products than asked.</summary>
    public static async Task<bool> NeededAsync(IQuerySession session, Product product, int firstProducts, CancellationToken ct) =>
        firstProducts > 0 && product.PublishedAt is null
        && await session.Query<Product>().CountAsync(p => p.ShopId == product.ShopId && p.PublishedAt != null, ct) < firstProducts;

    /// <summary>In the publication's transaction: the product awaits review, and its queue item opens.</summary>
    public static async Task RequestAsync(IDocumentSession session, Product product, DateTimeOffset now, CancellationToken ct)
    {
        product.Status = ProductStatus.AwaitingReview;
        product.Review = new ProductReview(now);
        product.UpdatedAt = now;
        session.Update(product);
        await ModerationQueue.OpenAsync(session, QueueKinds.Review, product.Id, now, ct);
    }

    /// <summary>
    /// The decision, in the resolution's transaction, under the product's lock (a seller unpublishing at the same moment
    /// goes before or after). A problem (409) when the product no longer awaits review. Audited as
    /// <c>product.approve</c> or <c>product.reject</c>.
    /// </summary>
    public static async Task<(IResult? Problem, OutgoingMessages Messages)> DecideAsync(
        IDocumentSession session, Guid productId, bool approved, AuditActor actor, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var managed = await ProductAccess.LockAsync(session, productId, ct);
        if (managed is not { Product.Status: ProductStatus.AwaitingReview })
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "The product no longer awaits review.",
                detail: "Its seller unpublished it, or it was taken down or deleted; the item is closed."), []);
        }

        var (product, shop) = (managed.Product, managed.Shop);
        var before = Snapshot(product);
        product.Review = (product.Review ?? new ProductReview(now)) with { DecidedAt = now, Approved = approved, Reason = reason.Length == 0 ? null : reason };
        product.Status = approved ? ProductStatus.Published : ProductStatus.Draft;
        product.PublishedAt = approved ? product.PublishedAt ?? now : product.PublishedAt;
        product.UpdatedAt = now;
        session.Update(product);
        CatalogListings.Sync(session, product, shop);
        AuditTrail.Record(session, actor, approved ? "product.approve" : "product.reject", "product", $"{product.Id}", product.Review.Reason,
            before, Snapshot(product), now);
        var url = ProductView.UrlOf(product);
        var messages = new OutgoingMessages { new ProductReviewed(product.Id, shop.Id, product.Title, approved, product.Review.Reason, url) };
        if (approved)
        {
            messages.Add(new ProductPublished(product.Id, shop.Id, product.Title, url));
        }

        return (null, messages);
    }

    private static Dictionary<string, string?> Snapshot(Product product) => new() { ["status"] = ProductView.StatusOf(product.Status) };
}
