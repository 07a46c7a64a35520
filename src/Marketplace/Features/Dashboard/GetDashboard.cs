using System.Text.RegularExpressions;
using Marketplace.Features.Messaging;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine.Runtime;

namespace Marketplace.Features.Dashboard;

/// <summary>
/// <c>GET /api/admin/dashboard?days=30</c> (admins): over the last <c>days</c> UTC days (today included; clamped to
/// 1..365, 30 by default), paid orders per day and currency and new members per day; and what waits for someone now:
/// open queue items, failed Stripe events, dead letters. Each part names the admin page it comes from.
/// </summary>
public static partial class GetDashboard
{
    public const int DefaultDays = 30;
    public const int MaxDays = 365;

    public sealed record SalesDay(DateOnly Date, int Orders, long Amount);

    /// <summary>One currency's sales, every day of the range present (zero when nothing was paid).</summary>
    public sealed record CurrencySales(string Currency, int Orders, long Amount, IReadOnlyList<SalesDay> Days);

    public sealed record MembersDay(DateOnly Date, int Joined);

    public sealed record Waiting(int FlaggedPosts, int ReportedProducts, long FailedWebhooks, int DeadLetters);

    public sealed record Links(string Sales, string Members, string Queue, string FailedWebhooks, string DeadLetters);

    public sealed record Response(
        int Days, DateOnly From, DateOnly To, IReadOnlyList<CurrencySales> Sales, int NewMembers, IReadOnlyList<MembersDay> Members,
        Waiting Waiting, Links Links);

    public static readonly Links AdminPages = new("/admin/orders", "/admin/users", "/moderation", "/admin/webhooks?status=failed", "/admin/dead-letters");

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/dashboard", GetAsync).WithName("GetAdminDashboard")
            .WithSummary("Sales and new members per UTC day over the last `days` (1..365, default 30), open queue items, failed webhooks, dead letters.")
            .Produces<Response>().ProducesValidationProblem();

    public static async Task<IResult> GetAsync(string? days, IQuerySession session, IWolverineRuntime runtime, TimeProvider clock, CancellationToken ct) =>
        DaysOf(days) is { } count
            ? TypedResults.Ok(await ReadAsync(session, runtime, clock, count, ct))
            : ValidationProblems.Field("days", $"Give a whole number of days, from 1 to {MaxDays}.");

    /// <summary>The days asked for, clamped to 1..<see cref="MaxDays"/>; <see cref="DefaultDays"/> when none; null when it is not a whole number.</summary>
    public static int? DaysOf(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return DefaultDays;
        }

        if (!WholeNumber().IsMatch(value))
        {
            return null;
        }

        return value.StartsWith('-') || value.TrimStart('+').TrimStart('0').Length is 0 ? 1
            : value.TrimStart('+').TrimStart('0').Length > 3 ? MaxDays
            : Math.Clamp(int.Parse(value.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), 1, MaxDays);
    }

    public static async Task<Response> ReadAsync(IQuerySession session, IWolverineRuntime runtime, TimeProvider clock, int days, CancellationToken ct)
    {
        var to = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = to.AddDays(1 - days);
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var range = Enumerable.Range(0, days).Select(from.AddDays).ToList();

        var sales = await DashboardSeries.SalesSinceAsync(session, since, ct);
        var members = (await DashboardSeries.MembersSinceAsync(session, since, ct)).ToDictionary(m => DashboardSeries.DayOf(m.Day), m => m.Joined);
        var queue = await DashboardSeries.OpenQueueAsync(session, ct);
        var failed = await DashboardSeries.FailedWebhooksAsync(session, ct);
        var deadLetters = (await DeadLetters.QueryAsync(runtime, null, 1, 1, ct)).Total;

        var perCurrency = sales.GroupBy(s => s.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var byDay = g.ToDictionary(s => DashboardSeries.DayOf(s.Day));
            return new CurrencySales(g.Key, g.Sum(s => s.Orders), g.Sum(s => s.Amount),
                [.. range.Select(d => byDay.TryGetValue(d, out var s) ? new SalesDay(d, s.Orders, s.Amount) : new SalesDay(d, 0, 0))]);
        }).ToList();
        return new Response(days, from, to, perCurrency, members.Values.Sum(),
            [.. range.Select(d => new MembersDay(d, members.GetValueOrDefault(d)))],
            new Waiting(queue.FlaggedPosts, queue.ReportedProducts, failed, deadLetters), AdminPages);
    }

    [GeneratedRegex(@"^[+-]?[0-9]{1,40}$")]
    private static partial Regex WholeNumber();
}
