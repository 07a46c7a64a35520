using Marketplace.Features.Accounts;
using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Catalog;

/// <summary>The shop's owner (or an admin) starts a product: a draft nobody else sees until it is published.</summary>
[WolverineHandler]
public static class CreateProduct
{
    public sealed record Command(Guid ShopId, ProductRules.Fields Fields);

    public static void Map(RouteGroupBuilder shops) =>
        shops.MapPost("/{shopId:guid}/products", PostAsync).Validate<ProductRules.Fields>().RequireAuthorization(Policies.Member)
            .WithName("CreateProduct").WithSummary("Creates a draft product in the shop (owner or admin). Every invalid field is listed at once.")
            .Produces<ProductView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> PostAsync(
        Guid shopId, ProductRules.Fields request, IMessageBus bus, IQuerySession session, IOptions<CatalogOptions> options, HttpContext http)
    {
        var ct = http.RequestAborted;
        var shop = await ShopAccess.ManagedAsync(session, shopId, http.User, ct);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return ShopProblems.NotFound();
        }

        if (ProductProblems.WrongCurrency(request, options.Value) is { } wrongCurrency)
        {
            return wrongCurrency;
        }

        var product = await bus.InvokeAsync<Product>(new Command(shop.Id, request), ct, UseCases.InvokeTimeout);
        return TypedResults.Created(ProductView.UrlOf(product), await ProductPublishing.SellerViewAsync(session, product, shop, ct));
    }

    public static Product Handle(Command command, IDocumentSession session, ForumMarkdown markdown, IOptions<CatalogOptions> options, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var product = new Product
        {
            Id = Guid.CreateVersion7(), ShopId = command.ShopId, Currency = options.Value.Currency, Status = ProductStatus.Draft,
            CreatedAt = now,
        };
        ProductEditing.Apply(product, command.Fields, markdown, now);
        session.Insert(product);
        return product;
    }
}
