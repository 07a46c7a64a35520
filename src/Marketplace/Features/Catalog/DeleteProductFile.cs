using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Catalog;

/// <summary>Bytes no product points at any more: deleted from storage once the change that dropped them has committed.</summary>
public sealed record ProductFileDiscarded(string BlobKey);

/// <summary>The seller removes a file; a published product keeps at least one. Buyers who have it keep their copies' records.</summary>
[WolverineHandler]
public static class DeleteProductFile
{
    public sealed record Command(Guid ProductId, Guid FileId);

    public enum Outcome
    {
        Deleted,
        NotFound,
        LastFileOfPublished,
    }

    public static void Map(RouteGroupBuilder products) =>
        products.MapDelete("/{productId:guid}/files/{fileId:guid}", DeleteAsync).RequireAuthorization(Policies.Member)
            .WithName("DeleteProductFile").WithSummary("Removes a file from the product. 409 for the last file of a published product.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> DeleteAsync(Guid productId, Guid fileId, IQuerySession session, IMessageBus bus, HttpContext http)
    {
        if (await ProductAccess.ManagedAsync(session, productId, http.User, http.RequestAborted) is null)
        {
            return ProductProblems.NotFound();
        }

        return await ExecuteAsync(new Command(productId, fileId), bus, http.RequestAborted) switch
        {
            Outcome.Deleted => TypedResults.NoContent(),
            Outcome.LastFileOfPublished => ProductProblems.LastFileOfPublished(),
            _ => ProductProblems.FileNotFound(),
        };
    }

    public static Task<Outcome> ExecuteAsync(Command command, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<Outcome>(command, ct, UseCases.InvokeTimeout);

    public static async Task<(Outcome, OutgoingMessages)> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var managed = await ProductAccess.LockAsync(session, command.ProductId, ct);
        var (product, shop) = (managed?.Product, managed?.Shop);
        var file = product?.Files.Find(f => f.Id == command.FileId);
        if (product is null || shop is null || file is null)
        {
            return (Outcome.NotFound, []);
        }

        if ((product.Status is ProductStatus.Published or ProductStatus.AwaitingReview) && product.Files.Count == 1)
        {
            return (Outcome.LastFileOfPublished, []);
        }

        product.Files.Remove(file);
        product.UpdatedAt = clock.GetUtcNow();
        session.Update(product);
        CatalogListings.Sync(session, product, shop);
        return (Outcome.Deleted, [new ProductFileDiscarded(file.BlobKey)]);
    }
}
