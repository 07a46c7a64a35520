using System.Globalization;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Sales;

/// <summary>
/// <c>GET /api/shops/{shopId}/sales?from=&amp;to=</c>: the shop's own lines per UTC day (inclusive range, dates as
/// <c>yyyy-MM-dd</c>, the last 30 days by default, at most <see cref="MaxDays"/>) and their totals; owner or admin,
/// anyone else a 404 as for no shop.
/// </summary>
public static class GetShopSales
{
    public const int MaxDays = 366;
    public const int DefaultDays = 30;

    public sealed record Day(DateOnly Date, int Orders, long Gross, long Fees, long Net, long Refunds, int Disputes, long Disputed, int DisputesLost);

    public sealed record Response(Guid ShopId, string Currency, DateOnly From, DateOnly To, IReadOnlyList<Day> Days, Day Totals);

    public static void Map(RouteGroupBuilder shops) =>
        shops.MapGet("/{shopId:guid}/sales", HandleAsync).WithName("GetShopSales")
            .WithSummary("The shop's orders, gross, fees, net, refunds and disputes per UTC day, with totals (owner or admin).")
            .Produces<Response>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> HandleAsync(Guid shopId, string? from, string? to, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var shop = await ShopAccess.ManagedAsync(session, shopId, http.User, http.RequestAborted);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return ShopProblems.NotFound();
        }

        return RangeOf(from, to, clock) is ({ } range, null)
            ? TypedResults.Ok(await ReadAsync(session, shop.Id, range.From, range.To, http.RequestAborted))
            : ValidationProblems.Of(RangeOf(from, to, clock).Errors!);
    }

    /// <summary>The range asked for, or why it cannot be read (unparsable dates, from after to, more than <see cref="MaxDays"/> days).</summary>
    public static ((DateOnly From, DateOnly To)? Range, Dictionary<string, string[]>? Errors) RangeOf(string? from, string? to, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var end = Parse(to, "to", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors);
        var start = Parse(from, "from", end.AddDays(1 - DefaultDays), errors);
        if (errors.Count == 0 && start > end)
        {
            errors["from"] = ["'from' must not be after 'to'."];
        }
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            errors["to"] = [$"A range is at most {MaxDays} days."];
        }

        return errors.Count == 0 ? ((start, end), null) : (null, errors);
    }

    public static async Task<Response> ReadAsync(IQuerySession session, Guid shopId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var entries = await session.Query<ShopSalesEntry>().Where(e => e.ShopId == shopId && e.Day >= from && e.Day <= to).ToListAsync(ct);
        var byDay = entries.GroupBy(e => e.Day).ToDictionary(g => g.Key, g => Sum(g.Key, g));
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i))
            .Select(d => byDay.GetValueOrDefault(d) ?? Sum(d, [])).ToList();
        var currency = entries.Select(e => e.Currency).FirstOrDefault(c => c.Length > 0) ?? "usd";
        return new Response(shopId, currency, from, to, days, Sum(to, entries) with { Date = from });
    }

    private static Day Sum(DateOnly date, IEnumerable<ShopSalesEntry> entries)
    {
        var list = entries as IReadOnlyCollection<ShopSalesEntry> ?? [.. entries];
        return new Day(date, list.Sum(e => e.Orders), list.Sum(e => e.Gross), list.Sum(e => e.Fees), list.Sum(e => e.Net), list.Sum(e => e.Refunds),
            list.Sum(e => e.Disputes), list.Sum(e => e.Disputed), list.Sum(e => e.DisputesLost));
    }

    private static DateOnly Parse(string? value, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"'{field}' must be a date written yyyy-MM-dd."];
        return fallback;
    }
}
