using Marketplace.Features.Accounts;
using Marketplace.Features.Forum.Markdown;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Catalog;

/// <summary>The seller rewrites a product's fields; a published product's listing changes in the same transaction.</summary>
[WolverineHandler]
public static class UpdateProduct
{
    public sealed record Command(Guid ProductId, ProductRules.Fields Fields);

    public static void Map(RouteGroupBuilder products) =>
        products.MapPut("/{productId:guid}", PutAsync).Validate<ProductRules.Fields>().RequireAuthorization(Policies.Member)
            .WithName("UpdateProduct").WithSummary("Replaces the product's title, description, price, tags and limits (the shop's owner or an admin).")
            .Produces<ProductView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> PutAsync(
        Guid productId, ProductRules.Fields request, IMessageBus bus, IQuerySession session, IOptions<CatalogOptions> options, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await ProductAccess.ManagedAsync(session, productId, http.User, ct) is null)
        {
            return ProductProblems.NotFound();
        }

        if (ProductProblems.WrongCurrency(request, options.Value) is { } wrongCurrency)
        {
            return wrongCurrency;
        }

        var updated = await bus.InvokeAsync<ProductAccess.Outcome>(new Command(productId, request), ct, UseCases.InvokeTimeout);
        return await ProductPublishing.SellerViewOrNotFoundAsync(updated, session, ct);
    }

    public static async Task<ProductAccess.Outcome> HandleAsync(
        Command command, IDocumentSession session, ForumMarkdown markdown, TimeProvider clock, CancellationToken ct)
    {
        var managed = await ProductAccess.LockAsync(session, command.ProductId, ct);
        var (product, shop) = (managed?.Product, managed?.Shop);
        if (product is null || shop is null)
        {
            return new(null);
        }

        ProductEditing.Apply(product, command.Fields, markdown, clock.GetUtcNow());
        session.Update(product);
        CatalogListings.Sync(session, product, shop);
        return new(new(product, shop));
    }
}
