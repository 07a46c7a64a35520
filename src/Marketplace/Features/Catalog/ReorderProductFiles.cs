using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Catalog;

/// <summary>The seller puts the product's files in the order buyers see them.</summary>
[WolverineHandler]
public static class ReorderProductFiles
{
    public sealed record Request(IReadOnlyList<Guid> FileIds);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.FileIds).Cascade(CascadeMode.Stop).NotNull().Must(ids => ids.Count <= 1000 && ids.Distinct().Count() == ids.Count)
            .WithMessage("List each of the product's files once.");
    }

    public sealed record Command(Guid ProductId, IReadOnlyList<Guid> FileIds);

    public static void Map(RouteGroupBuilder products) =>
        products.MapPut("/{productId:guid}/files/order", PutAsync).Validate<Request>().RequireAuthorization(Policies.Member)
            .WithName("ReorderProductFiles").WithSummary("Sets the order of the product's files: every file id, once.")
            .Produces<ProductView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> PutAsync(Guid productId, Request request, IQuerySession session, IMessageBus bus, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await ProductAccess.ManagedAsync(session, productId, http.User, ct) is null)
        {
            return ProductProblems.NotFound();
        }

        var result = await bus.InvokeAsync<ProductAccess.Outcome>(new Command(productId, request.FileIds), ct, UseCases.InvokeTimeout);
        return result.Managed is { } changed
            ? TypedResults.Ok(await ProductPublishing.SellerViewAsync(session, changed.Product, changed.Shop, ct))
            : ValidationProblems.Field("fileIds", "List each of the product's files once.");
    }

    public static async Task<ProductAccess.Outcome> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var managed = await ProductAccess.LockAsync(session, command.ProductId, ct);
        var (product, shop) = (managed?.Product, managed?.Shop);
        if (product is null || shop is null || !command.FileIds.Order().SequenceEqual(product.Files.Select(f => f.Id).Order()))
        {
            return new(null);
        }

        product.Files = [.. command.FileIds.Select(id => product.Files.First(f => f.Id == id))];
        product.UpdatedAt = clock.GetUtcNow();
        session.Update(product);
        CatalogListings.Sync(session, product, shop);
        return new(new(product, shop));
    }
}
