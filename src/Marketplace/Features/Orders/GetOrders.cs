using Marketplace.Features.Accounts;
using Marten;

namespace Marketplace.Features.Orders;

/// <summary>The caller's own orders, newest first, and one of them with its timeline; anyone else's order is a 404.</summary>
public static class GetOrders
{
    public static void Map(RouteGroupBuilder orders)
    {
        orders.MapGet("", ListAsync).RequireAuthorization(Policies.Member).WithName("ListOrders")
            .WithSummary("The caller's orders with their status, newest first.").Produces<IReadOnlyList<OrderView>>();
        orders.MapGet("/{orderId:guid}", GetAsync).RequireAuthorization(Policies.Member).WithName("GetOrder")
            .WithSummary("One of the caller's orders, with its timeline; 404 for anyone else's.").Produces<OrderView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> ListAsync(IQuerySession session, HttpContext http) =>
        TypedResults.Ok(await ReadAllAsync(session, Members.IdOf(http.User)!.Value, http.RequestAborted));

    public static async Task<IResult> GetAsync(Guid orderId, IQuerySession session, HttpContext http) =>
        await ReadAsync(session, Members.IdOf(http.User)!.Value, orderId, http.RequestAborted) is { } view ? TypedResults.Ok(view) : OrderProblems.OrderNotFound();

    public static async Task<IReadOnlyList<OrderView>> ReadAllAsync(IQuerySession session, Guid buyerId, CancellationToken ct) =>
        [.. (await session.Query<Order>().Where(o => o.BuyerId == buyerId).OrderByDescending(o => o.PlacedAt).Take(200).ToListAsync(ct)).Select(o => OrderView.Of(o))];

    /// <summary>The buyer's order with its timeline; null when there is none or it is someone else's.</summary>
    public static async Task<OrderView?> ReadAsync(IQuerySession session, Guid buyerId, Guid orderId, CancellationToken ct)
    {
        var order = await session.LoadAsync<Order>(orderId, ct);
        return order is null || order.BuyerId != buyerId ? null : OrderView.Of(order, await session.Events.FetchStreamAsync(orderId, token: ct));
    }
}
