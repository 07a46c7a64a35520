using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marten;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Orders;

/// <summary>The caller's cart at today's prices, with a sentence for each product that cannot be bought now.</summary>
public static class GetCart
{
    public static void Map(RouteGroupBuilder cart) =>
        cart.MapGet("", GetAsync).RequireAuthorization(Policies.Member).WithName("GetCart")
            .WithSummary("The caller's cart: lines at today's prices, the total, and the products dropped from it with why.")
            .Produces<CartView>();

    public static async Task<IResult> GetAsync(IQuerySession session, IOptions<CatalogOptions> catalog, HttpContext http) =>
        TypedResults.Ok(await ReadAsync(session, Members.IdOf(http.User)!.Value, catalog.Value, http.RequestAborted));

    public static async Task<CartView> ReadAsync(IQuerySession session, Guid buyerId, CatalogOptions catalog, CancellationToken ct) =>
        await CartView.OfAsync(session, await session.LoadAsync<Cart>(buyerId, ct) ?? new Cart { Id = buyerId }, catalog.Currency, ct);
}
