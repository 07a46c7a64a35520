using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Files;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Catalog;

/// <summary>The seller adds a file to a product: streamed to storage, judged by its content, recorded with its SHA-256.</summary>
[WolverineHandler]
public static class UploadProductFile
{
    public sealed record Command(Guid ProductId, ProductFile File);

    public static void Map(RouteGroupBuilder products) =>
        products.MapPost("/{productId:guid}/files", PostAsync).RequireAuthorization(Policies.Member).WithName("UploadProductFile")
            .WithSummary($"Adds a file (multipart `file`, streamed; {FileKinds.Accepted}; up to `Files:MaxBytes`, 2 GiB by default). " +
                "The type is decided by the content; archives, PDFs and images are checked before anything is stored. 413 when too large.")
            .Accepts<IFormFile>("multipart/form-data").Produces<ProductFileUploads.Uploaded>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static async Task<IResult> PostAsync(Guid productId, IQuerySession session, ProductFileUploads uploads, IMessageBus bus, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await ProductAccess.ManagedAsync(session, productId, http.User, ct) is not { } managed)
        {
            return ProductProblems.NotFound();
        }

        if (managed.Product.Files.Count >= ProductFileUploads.MaxFilesPerProduct)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict,
                title: $"A product has at most {ProductFileUploads.MaxFilesPerProduct} files.", detail: "Put related files in one ZIP archive.");
        }

        var (file, problem) = await uploads.ReceiveAsync(http.Request, productId, Guid.CreateVersion7(),
            async file => (await bus.InvokeAsync<ProductAccess.Outcome>(new Command(productId, file), ct, UseCases.InvokeTimeout)).Managed is not null, ct);
        return file is null ? problem! : TypedResults.Created($"/api/products/{productId}/files/{file.Id}", ProductFileUploads.Uploaded.Of(file));
    }

    public static async Task<ProductAccess.Outcome> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var managed = await ProductAccess.LockAsync(session, command.ProductId, ct);
        var (product, shop) = (managed?.Product, managed?.Shop);
        if (product is null || shop is null)
        {
            return new(null);
        }

        product.Files.Add(command.File);
        product.UpdatedAt = clock.GetUtcNow();
        session.Update(product);
        CatalogListings.Sync(session, product, shop);
        return new(new(product, shop));
    }
}
