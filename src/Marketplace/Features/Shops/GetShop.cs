using Marketplace.Features.Accounts;
using Marten;

namespace Marketplace.Features.Shops;

/// <summary>The public page data of a shop. A closed shop is gone; a suspended one says so.</summary>
public static class GetShop
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{slug}", HandleAsync).WithName("GetShop").WithSummary("A shop's public page data, by its address.")
            .Produces<ShopView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/mine", MineAsync).RequireAuthorization(Policies.Member).WithName("GetMyShop")
            .WithSummary("The caller's own shop, or 404 when they have none.").Produces<ShopView>();
    }

    public static async Task<IResult> HandleAsync(string slug, IQuerySession session, CancellationToken ct)
    {
        var shop = await FindAsync(session, slug, ct);
        return shop is null ? ShopProblems.NotFound() : TypedResults.Ok(await ShopView.OfAsync(shop, session, ct));
    }

    public static async Task<IResult> MineAsync(IQuerySession session, HttpContext http)
    {
        var shop = await ShopAccess.OwnedByAsync(session, Members.IdOf(http.User)!.Value, http.RequestAborted);
        return shop is null || shop.Status == ShopStatus.Closed
            ? ShopProblems.NotFound()
            : TypedResults.Ok(await ShopView.OfAsync(shop, session, http.RequestAborted));
    }

    public static Task<Shop?> FindAsync(IQuerySession session, string slug, CancellationToken ct) =>
        session.Query<Shop>().FirstOrDefaultAsync(s => s.Slug == slug && s.Status != ShopStatus.Closed, ct);
}
