using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Images;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Npgsql;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Catalog;

/// <summary>The seller sets or removes the product's cover; visitors get it with the product (a draft's only its seller).</summary>
[WolverineHandler]
public static class SetProductCover
{
    public sealed record Command(Guid ProductId, ProductCover? Cover);

    public static void Map(RouteGroupBuilder products)
    {
        products.MapPost("/{productId:guid}/cover", PostAsync).DisableAntiforgery().RequireAuthorization(Policies.Member)
            .WithName("SetProductCover").WithSummary($"Sets the cover (multipart `file`: {UntrustedImages.Accepted} up to 10 MB), shown cropped to 4:3.")
            .Accepts<IFormFile>("multipart/form-data").Produces<ProductView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        products.MapDelete("/{productId:guid}/cover", DeleteAsync).RequireAuthorization(Policies.Member)
            .WithName("RemoveProductCover").WithSummary("Removes the cover.").Produces<ProductView>();
        products.MapGet("/{productId:guid}/cover/{size:regex(^(small|large)$)}", GetAsync).WithName("GetProductCover")
            .WithSummary("The cover as WebP: `small` 480×360, `large` 1200×900.");
    }

    public static async Task<IResult> PostAsync(Guid productId, IFormFile? file, IQuerySession session, UntrustedImages images, IMessageBus bus, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await ProductAccess.ManagedAsync(session, productId, http.User, ct) is null)
        {
            return ProductProblems.NotFound();
        }

        if (file is null || file.Length == 0 || file.Length > ProductCover.MaxUploadBytes)
        {
            return ValidationProblems.Field("file", file is null || file.Length == 0 ? "Choose an image file." : "The image is larger than 10 MB.");
        }

        await using var stream = file.OpenReadStream();
        var (cover, error) = await ProductCover.RenderAsync(stream, images, ct);
        return cover is null ? ValidationProblems.Field("file", error!) : await ExecuteAsync(new Command(productId, cover), bus, session, ct);
    }

    public static async Task<IResult> DeleteAsync(Guid productId, IQuerySession session, IMessageBus bus, HttpContext http) =>
        await ProductAccess.ManagedAsync(session, productId, http.User, http.RequestAborted) is null
            ? ProductProblems.NotFound()
            : await ExecuteAsync(new Command(productId, null), bus, session, http.RequestAborted);

    private static async Task<IResult> ExecuteAsync(Command command, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        await ProductPublishing.SellerViewOrNotFoundAsync(await bus.InvokeAsync<ProductAccess.Outcome>(command, ct, UseCases.InvokeTimeout), session, ct);

    public static async Task<ProductAccess.Outcome> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var managed = await ProductAccess.LockAsync(session, command.ProductId, ct);
        var (product, shop) = (managed?.Product, managed?.Shop);
        if (product is null || shop is null)
        {
            return new(null);
        }

        if (command.Cover is { } cover)
        {
            cover.Id = product.Id;
            session.Store(cover);
        }
        else
        {
            session.Delete<ProductCover>(product.Id);
        }

        product.CoverVersion = command.Cover?.Version;
        product.UpdatedAt = clock.GetUtcNow();
        session.Update(product);
        CatalogListings.Sync(session, product, shop);
        return new(new(product, shop));
    }

    public static async Task<IResult> GetAsync(Guid productId, string size, NpgsqlDataSource database, IQuerySession session, HttpContext http)
    {
        var ct = http.RequestAborted;
        var listed = await GetProduct.IsListedAsync(database, productId, ct);
        if (!listed && await ProductAccess.ManagedAsync(session, productId, http.User, ct) is null
            || await session.LoadAsync<ProductCover>(productId, ct) is not { } cover)
        {
            return ProductProblems.NotFound();
        }

        http.Response.Headers.CacheControl = listed ? "public, max-age=31536000, immutable" : "private, no-store";
        return TypedResults.Bytes(size == "small" ? cover.SmallWebp : cover.LargeWebp, "image/webp",
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{cover.Version}-{size}\""));
    }
}
