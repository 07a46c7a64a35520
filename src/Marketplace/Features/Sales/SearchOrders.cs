using Marketplace.Features.Accounts;
using Marketplace.Features.Orders;
using Marketplace.Infrastructure.Validation;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Sales;

/// <summary>
/// <c>GET /api/admin/orders?q=</c> (admins): orders found by their id, their buyer's email, or one of their Stripe ids
/// (checkout session, payment intent, charge, a shop's transfer, a refund, a transfer reversal, a dispute, found through
/// <see cref="OrderStripeReference"/>), each with all its events and its Stripe objects' ids.
/// </summary>
public static class SearchOrders
{
    public const int MaxQuery = 200;
    public const int MaxResults = 50;

    public sealed record StripeIds(
        string? CheckoutSessionId, string? PaymentIntentId, string? ChargeId, IReadOnlyDictionary<Guid, string> Transfers, IReadOnlyList<string> Refunds);

    public sealed record Event(long Version, string Type, DateTimeOffset At, object Data);

    public sealed record Found(
        Guid OrderId, Guid BuyerId, string? BuyerEmail, string Status, string Currency, long Total, long PlatformFee, DateTimeOffset PlacedAt,
        IReadOnlyList<ShopShare> Shops, StripeIds Stripe, IReadOnlyList<Event> Events);

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/orders", HandleAsync).WithName("SearchOrders")
            .WithSummary("Orders by id, buyer email or Stripe id (cs_, pi_, ch_/py_, tr_, re_, trr_, dp_), with their events and Stripe ids (admins).")
            .Produces<IReadOnlyList<Found>>().ProducesValidationProblem();

    public static async Task<IResult> HandleAsync(string? q, IQuerySession session, CancellationToken ct) =>
        Problem(q) is { } why ? ValidationProblems.Field("q", why) : TypedResults.Ok(await FindAsync(session, q!.Trim(), ct));

    /// <summary>Why the search text is refused (empty, too long, control characters), or null.</summary>
    public static string? Problem(string? q) =>
        string.IsNullOrWhiteSpace(q) ? "Type an order id, a buyer's email or a Stripe id."
        : q.Length > MaxQuery ? $"A search is at most {MaxQuery} characters."
        : TextCharacters.Problem(q, multiLine: false);

    public static async Task<IReadOnlyList<Found>> FindAsync(IQuerySession session, string q, CancellationToken ct)
    {
        var orders = await MatchingAsync(session, q, ct);
        var buyers = (await session.LoadManyAsync<UserAccount>(ct, orders.Select(o => o.BuyerId).Distinct())).ToDictionary(u => u.Id, u => u.Email);
        var found = new List<Found>();
        foreach (var order in orders.OrderByDescending(o => o.PlacedAt))
        {
            var events = await session.Events.FetchStreamAsync(order.Id, token: ct);
            found.Add(new Found(order.Id, order.BuyerId, buyers.GetValueOrDefault(order.BuyerId), OrderView.StatusName(order.Status), order.Currency,
                order.Total, order.PlatformFee, order.PlacedAt, order.Shops,
                new StripeIds(order.CheckoutSessionId, order.PaymentIntentId, order.ChargeId, order.Transfers, order.StripeRefundIds),
                [.. events.Select(e => new Event(e.Version, e.EventTypeName, e.Timestamp, e.Data))]));
        }

        return found;
    }

    private static async Task<IReadOnlyList<Order>> MatchingAsync(IQuerySession session, string q, CancellationToken ct)
    {
        if (Guid.TryParse(q, out var orderId))
        {
            return await session.LoadAsync<Order>(orderId, ct) is { } order ? [order] : [];
        }

        if (q.Contains('@', StringComparison.Ordinal))
        {
            var normalized = q.ToUpperInvariant();
            var buyer = await session.Query<UserAccount>().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).ToListAsync(ct);
            return buyer.Count == 0 ? []
                : await session.Query<Order>().Where(o => o.BuyerId == buyer[0]).OrderByDescending(o => o.PlacedAt).Take(MaxResults).ToListAsync(ct);
        }

        var orderIds = await ReferenceQuery(session, q).Select(r => r.OrderId).ToListAsync(ct);
        return orderIds is [var id] && await session.LoadAsync<Order>(id, ct) is { } found ? [found] : [];
    }

    /// <summary>A Stripe id's order, by the primary key of its <see cref="OrderStripeReference"/>: one index lookup whatever the number of orders.</summary>
    public static IQueryable<OrderStripeReference> ReferenceQuery(IQuerySession session, string stripeId) =>
        session.Query<OrderStripeReference>().Where(r => r.Id == stripeId);
}
