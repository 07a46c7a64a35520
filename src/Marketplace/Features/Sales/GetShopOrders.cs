using System.Globalization;
using Marketplace.Features.Orders;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Sales;

/// <summary>
/// <c>GET /api/shops/{shopId}/orders?page=</c> and <c>GET /api/shops/{shopId}/orders/{orderId}</c>: the paid orders
/// holding lines of the shop, newest first, each showing only the shop's lines and share (<see cref="ShopOrderView"/>);
/// the detail adds the shop's timeline. Owner or admin; anyone else gets the 404 of no shop, and an order without a
/// paid line of the shop is the 404 of no order.
/// </summary>
public static class GetShopOrders
{
    public const int PageSize = 50;
    public const int MaxPage = 10_000;

    public sealed record Response(Guid ShopId, int Page, int PageSize, bool HasMore, IReadOnlyList<ShopOrderView> Orders);

    public static void Map(RouteGroupBuilder shops)
    {
        shops.MapGet("/{shopId:guid}/orders", ListAsync).WithName("ListShopOrders")
            .WithSummary("The paid orders with lines of the shop, newest first, 50 a page, each with only the shop's lines and share (owner or admin).")
            .Produces<Response>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        shops.MapGet("/{shopId:guid}/orders/{orderId:guid}", GetAsync).WithName("GetShopOrder")
            .WithSummary("One paid order as the shop sees it: its lines, share, refunds and timeline (owner or admin).")
            .Produces<ShopOrderView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> ListAsync(Guid shopId, string? page, IQuerySession session, HttpContext http)
    {
        if (await ManagedShopAsync(session, shopId, http) is not { } shop)
        {
            return ShopProblems.NotFound();
        }

        return PageOf(page) is { } number
            ? TypedResults.Ok(await ReadPageAsync(session, shop.Id, number, http.RequestAborted))
            : ValidationProblems.Field("page", $"'page' is a whole number from 1 to {MaxPage}.");
    }

    public static async Task<IResult> GetAsync(Guid shopId, Guid orderId, IQuerySession session, HttpContext http)
    {
        if (await ManagedShopAsync(session, shopId, http) is not { } shop)
        {
            return ShopProblems.NotFound();
        }

        return await ReadAsync(session, shop.Id, orderId, http.RequestAborted) is { } view ? TypedResults.Ok(view) : OrderProblems.OrderNotFound();
    }

    /// <summary>The page number asked for (1 when none), or null when it is not one.</summary>
    public static int? PageOf(string? page) =>
        string.IsNullOrEmpty(page) ? 1
        : int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= MaxPage ? number
        : null;

    /// <summary>
    /// A page of the shop's paid orders, found through the shop's sale entries (<see cref="ShopSalesEntry"/>, one per
    /// paid order and shop, indexed by shop) rather than by looking into every order's shops.
    /// </summary>
    public static async Task<Response> ReadPageAsync(IQuerySession session, Guid shopId, int page, CancellationToken ct)
    {
        var ids = await session.Query<ShopSalesEntry>().Where(e => e.ShopId == shopId && e.Orders > 0)
            .OrderByDescending(e => e.Day).ThenByDescending(e => e.OrderId).Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(e => e.OrderId).ToListAsync(ct);
        var orders = (await session.LoadManyAsync<Order>(ct, ids.Take(PageSize).Distinct())).ToDictionary(o => o.Id);
        var views = ids.Take(PageSize).Distinct().Select(id => orders.GetValueOrDefault(id)).OfType<Order>().Where(o => ShopOrderView.Concerns(o, shopId))
            .Select(o => ShopOrderView.Of(o, shopId)).ToList();
        return new Response(shopId, page, PageSize, ids.Count > PageSize, views);
    }

    /// <summary>The order as the shop sees it, with its timeline; null when it has no paid line of the shop.</summary>
    public static async Task<ShopOrderView?> ReadAsync(IQuerySession session, Guid shopId, Guid orderId, CancellationToken ct) =>
        await session.LoadAsync<Order>(orderId, ct) is { } order && ShopOrderView.Concerns(order, shopId)
            ? ShopOrderView.Of(order, shopId, await session.Events.FetchStreamAsync(orderId, token: ct))
            : null;

    private static async Task<Shop?> ManagedShopAsync(IQuerySession session, Guid shopId, HttpContext http) =>
        await ShopAccess.ManagedAsync(session, shopId, http.User, http.RequestAborted) is { Status: not ShopStatus.Closed } shop ? shop : null;
}
