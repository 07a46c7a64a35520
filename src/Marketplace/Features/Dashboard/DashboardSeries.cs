using System.Globalization;
using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Features.Orders;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Infrastructure.Persistence;
using Marten;

namespace Marketplace.Features.Dashboard;

/// <summary>
/// The dashboard's series, one SQL statement each, every one served by an index (written next to each statement), so
/// that a read stays as cheap when the orders, members and events pile up (<c>DashboardQueryPlanTests</c> checks the
/// plans). Days are UTC days.
/// </summary>
public static class DashboardSeries
{
    public sealed record SalesRow(string Day, string Currency, int Orders, long Amount);

    public sealed record MembersRow(string Day, int Joined);

    public sealed record QueueCounts(int FlaggedPosts, int ReportedProducts);

    private static string Table<T>() => $"{CritterStackSetup.DocumentSchema}.mt_doc_{typeof(T).Name.ToLowerInvariant()}";

    private static string Timestamp(string member) => $"{CritterStackSetup.DocumentSchema}.mt_immutable_timestamptz(data ->> '{member}')";

    /// <summary>Paid orders per day and currency: their count and their totals. Index: <c>Order.PaidAt</c> (OrdersModule).</summary>
    public static readonly string Sales =
        "select jsonb_build_object('Day', day, 'Currency', currency, 'Orders', orders, 'Amount', amount) from (" +
        $"select to_char({Timestamp(nameof(Order.PaidAt))} at time zone 'UTC', 'YYYY-MM-DD') as day, data ->> '{nameof(Order.Currency)}' as currency, " +
        $"count(*) as orders, coalesce(sum((data ->> '{nameof(Order.Total)}')::bigint), 0) as amount " +
        $"from {Table<Order>()} where {Timestamp(nameof(Order.PaidAt))} >= ? group by 1, 2) as sales";

    /// <summary>Accounts created per day (those deleted since included). Index: <c>UserAccount.CreatedAt</c> (AccountsModule).</summary>
    public static readonly string Members =
        "select jsonb_build_object('Day', day, 'Joined', joined) from (" +
        $"select to_char({Timestamp(nameof(UserAccount.CreatedAt))} at time zone 'UTC', 'YYYY-MM-DD') as day, count(*) as joined " +
        $"from {Table<UserAccount>()} where {Timestamp(nameof(UserAccount.CreatedAt))} >= ? group by 1) as members";

    /// <summary>Open queue items by kind. Index: the partial index of open items (ModerationModule).</summary>
    public static readonly string OpenQueue =
        $"select jsonb_build_object('FlaggedPosts', count(*) filter (where data ->> 'Kind' = '{QueueKinds.Post}'), " +
        $"'ReportedProducts', count(*) filter (where data ->> 'Kind' = '{QueueKinds.Product}')) " +
        $"from {Table<QueueItem>()} where {ModerationModule.OpenQueueItemPredicate}";

    /// <summary>Stripe events that failed every attempt. Index: the partial index of failed events (StripeWebhooksModule).</summary>
    public static readonly string FailedWebhooks =
        $"select count(*) from {Table<StripeEventRecord>()} where {StripeWebhooksModule.FailedPredicate}";

    public static async Task<IReadOnlyList<SalesRow>> SalesSinceAsync(IQuerySession session, DateTimeOffset since, CancellationToken ct) =>
        await session.QueryAsync<SalesRow>(Sales, ct, since);

    public static async Task<IReadOnlyList<MembersRow>> MembersSinceAsync(IQuerySession session, DateTimeOffset since, CancellationToken ct) =>
        await session.QueryAsync<MembersRow>(Members, ct, since);

    public static async Task<QueueCounts> OpenQueueAsync(IQuerySession session, CancellationToken ct) =>
        (await session.QueryAsync<QueueCounts>(OpenQueue, ct)).Single();

    public static async Task<long> FailedWebhooksAsync(IQuerySession session, CancellationToken ct) =>
        (await session.QueryAsync<long>(FailedWebhooks, ct)).Single();

    public static DateOnly DayOf(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
