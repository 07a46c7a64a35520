using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Features.Payouts;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Catalog;

/// <summary>A product entered the catalog (first time or again); the forum opens its support thread.</summary>
public sealed record ProductPublished(Guid ProductId, Guid ShopId, string Title, string Url);

/// <summary>
/// The seller puts a product in the catalog: only an active shop that Stripe lets sell, and only with a file to
/// deliver. Publishing a published product (or one awaiting review) changes nothing. A shop with fewer approved
/// products than <see cref="ModerationOptions.ReviewFirstProducts"/> publishes into the moderators' queue instead:
/// the product awaits review (<see cref="ProductReviews"/>), out of the catalog.
/// </summary>
[WolverineHandler]
public static class PublishProduct
{
    public sealed record Command(Guid ProductId);

    public sealed record Result(ProductAccess.Managed? Published, IReadOnlyDictionary<string, string> Missing)
    {
        /// <summary>What the seller is told: published, awaiting review, or what is missing.</summary>
        public string Message => Published switch
        {
            { Product.Status: ProductStatus.AwaitingReview } awaiting => ProductView.ReviewNoteOf(awaiting.Product)!,
            not null => "Published: the product is in the catalog.",
            _ => "Not published yet: " + string.Join(" ", Missing.Values),
        };
    }

    public static void Map(RouteGroupBuilder products) =>
        products.MapPost("/{productId:guid}/publish", PostAsync).RequireAuthorization(Policies.Member).WithName("PublishProduct")
            .WithSummary("Publishes the product. 409 `/problems/product-not-publishable` naming under `missing` what is missing: the shop's payouts, a file.")
            .Produces<ProductView>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> PostAsync(Guid productId, IMessageBus bus, IQuerySession session, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await ProductAccess.ManagedAsync(session, productId, http.User, ct) is null)
        {
            return ProductProblems.NotFound();
        }

        var result = await bus.InvokeAsync<Result>(new Command(productId), ct, UseCases.InvokeTimeout);
        return result switch
        {
            { Published: { } published } => TypedResults.Ok(ProductView.ForSeller(published.Product, published.Shop, [])),
            { Missing.Count: > 0 } => ProductProblems.NotPublishable(result.Missing),
            _ => ProductProblems.NotFound(),
        };
    }

    public static async Task<(Result, OutgoingMessages)> HandleAsync(
        Command command, IDocumentSession session, TimeProvider clock, IOptions<ModerationOptions> moderation, CancellationToken ct)
    {
        var managed = await ProductAccess.LockAsync(session, command.ProductId, ct);
        var (product, shop) = (managed?.Product, managed?.Shop);
        if (product is null || shop is null)
        {
            return (new Result(null, new Dictionary<string, string>()), []);
        }

        var missing = ProductPublishing.Missing(product, shop, await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct));
        if (missing.Count > 0)
        {
            return (new Result(null, missing), []);
        }

        if (product.Status is ProductStatus.Published or ProductStatus.AwaitingReview)
        {
            return (new Result(new(product, shop), missing), []);
        }

        var now = clock.GetUtcNow();
        if (await ProductReviews.NeededAsync(session, product, moderation.Value.ReviewFirstProducts, ct))
        {
            await ProductReviews.RequestAsync(session, product, now, ct);
            return (new Result(new(product, shop), missing), []);
        }

        product.Status = ProductStatus.Published;
        product.PublishedAt ??= now;
        product.UpdatedAt = now;
        session.Update(product);
        CatalogListings.Sync(session, product, shop);
        return (new Result(new(product, shop), missing), [new ProductPublished(product.Id, shop.Id, product.Title, ProductView.UrlOf(product))]);
    }
}
