using Marketplace.Features.Accounts;
using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marten;

namespace Marketplace.Features.Catalog;

/// <summary>The seller's list of their shop's products, drafts and unpublished ones included, most recently changed first.</summary>
public static class ListShopProducts
{
    public const int Max = 500;

    public static void Map(RouteGroupBuilder shops) =>
        shops.MapGet("/{shopId:guid}/products", GetAsync).RequireAuthorization(Policies.Member).WithName("ListShopProducts")
            .WithSummary("Every product of the shop, whatever its status, with what each needs to be published (the shop's owner or an admin).")
            .Produces<IReadOnlyList<ProductView>>().ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> GetAsync(Guid shopId, IQuerySession session, HttpContext http)
    {
        var shop = await ShopAccess.ManagedAsync(session, shopId, http.User, http.RequestAborted);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return ShopProblems.NotFound();
        }

        return TypedResults.Ok(await ForSellerAsync(session, shop, http.RequestAborted));
    }

    public static async Task<IReadOnlyList<ProductView>> ForSellerAsync(IQuerySession session, Shop shop, CancellationToken ct)
    {
        var payouts = await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct);
        var products = await session.Query<Product>().Where(p => p.ShopId == shop.Id)
            .OrderByDescending(p => p.UpdatedAt).Take(Max).ToListAsync(ct);
        return [.. products.Select(p => ProductView.ForSeller(p, shop, [.. ProductPublishing.Missing(p, shop, payouts).Keys]))];
    }
}
