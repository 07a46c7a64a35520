using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Catalog;

/// <summary>
/// The seller takes a product out of the catalog: visitors no longer find or buy it; buyers keep what they bought. It
/// can be published again, in its old place among the newest.
/// </summary>
[WolverineHandler]
public static class UnpublishProduct
{
    public sealed record Command(Guid ProductId);

    public static void Map(RouteGroupBuilder products) =>
        products.MapPost("/{productId:guid}/unpublish", PostAsync).RequireAuthorization(Policies.Member).WithName("UnpublishProduct")
            .WithSummary("Takes the product out of the catalog (the shop's owner or an admin). Unpublishing a draft changes nothing.")
            .Produces<ProductView>().ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> PostAsync(Guid productId, IMessageBus bus, IQuerySession session, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await ProductAccess.ManagedAsync(session, productId, http.User, ct) is null)
        {
            return ProductProblems.NotFound();
        }

        var result = await bus.InvokeAsync<ProductAccess.Outcome>(new Command(productId), ct, UseCases.InvokeTimeout);
        return await ProductPublishing.SellerViewOrNotFoundAsync(result, session, ct);
    }

    public static async Task<ProductAccess.Outcome> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var managed = await ProductAccess.LockAsync(session, command.ProductId, ct);
        var (product, shop) = (managed?.Product, managed?.Shop);
        if (product is null || shop is null)
        {
            return new(null);
        }

        // Unpublishing a product awaiting review withdraws it: a moderator's decision on it then finds nothing to decide.
        if (product.Status is ProductStatus.Published or ProductStatus.AwaitingReview)
        {
            product.Status = ProductStatus.Unpublished;
            product.UpdatedAt = clock.GetUtcNow();
            session.Update(product);
            CatalogListings.Remove(session, product.Id);
        }

        return new(new(product, shop));
    }
}
