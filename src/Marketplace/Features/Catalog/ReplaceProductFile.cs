using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Catalog;

/// <summary>
/// The seller uploads a new version of a file: same file, next revision, checked like any upload. Buyers get the new
/// version from then on; the old bytes are deleted once the change commits.
/// </summary>
[WolverineHandler]
public static class ReplaceProductFile
{
    public sealed record Command(Guid ProductId, ProductFile File);

    public static void Map(RouteGroupBuilder products) =>
        products.MapPut("/{productId:guid}/files/{fileId:guid}", PutAsync).RequireAuthorization(Policies.Member).WithName("ReplaceProductFile")
            .WithSummary("Replaces a file with a new version (multipart `file`, checked as an upload is); buyers get the new version from then on.")
            .Accepts<IFormFile>("multipart/form-data").Produces<ProductFileUploads.Uploaded>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    public static async Task<IResult> PutAsync(Guid productId, Guid fileId, IQuerySession session, ProductFileUploads uploads, IMessageBus bus, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await ProductAccess.ManagedAsync(session, productId, http.User, ct) is not { } managed
            || !managed.Product.Files.Exists(f => f.Id == fileId))
        {
            return ProductProblems.FileNotFound();
        }

        var (file, problem) = await uploads.ReceiveAsync(http.Request, productId, fileId,
            async file => (await bus.InvokeAsync<ProductAccess.Outcome>(new Command(productId, file), ct, UseCases.InvokeTimeout)).Managed is not null, ct);
        return file is null ? problem! : TypedResults.Ok(ProductFileUploads.Uploaded.Of(file));
    }

    public static async Task<(ProductAccess.Outcome, OutgoingMessages)> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var managed = await ProductAccess.LockAsync(session, command.ProductId, ct);
        var (product, shop) = (managed?.Product, managed?.Shop);
        var index = product?.Files.FindIndex(f => f.Id == command.File.Id) ?? -1;
        if (product is null || shop is null || index < 0)
        {
            return (new(null), []);
        }

        var old = product.Files[index];
        product.Files[index] = command.File;
        command.File.Revision = old.Revision + 1;
        command.File.AllowUnmarkedCopies = old.AllowUnmarkedCopies;
        product.UpdatedAt = clock.GetUtcNow();
        session.Update(product);
        CatalogListings.Sync(session, product, shop);
        return (new(new(product, shop)), [new ProductFileDiscarded(old.BlobKey)]);
    }
}
