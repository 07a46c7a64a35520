using Npgsql;

namespace Marketplace.Benchmarks.Checkout;

/// <summary>What the app stored for a round of orders, read from its own embedded cluster: entitlements, and when the paid webhooks arrived.</summary>
public sealed class CheckoutDatabase(string connectionString) : IAsyncDisposable
{
    private const string Entitlements = "marketplace.mt_doc_entitlement";
    private const string StripeEvents = "marketplace.mt_doc_stripeeventrecord";
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <summary>How many of the orders have their entitlements stored (one per line, all in the payment's transaction).</summary>
    public async Task<long> FulfilledAsync(Guid[] orderIds)
    {
        await using var command = _dataSource.CreateCommand(
            $"select count(distinct data ->> 'OrderId') from {Entitlements} where data ->> 'OrderId' = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = orderIds.Select(id => id.ToString()).ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Per order, milliseconds from the first of its paid webhooks (<c>checkout.session.completed</c> or
    /// <c>payment_intent.succeeded</c>) received by the app (the stored record's <c>ReceivedAt</c>) to its entitlements
    /// stored (their <c>CreatedAt</c>, stamped in the transaction that inserts them). Both times are the app's clock.
    /// </summary>
    public async Task<double[]> WebhookToEntitlementAsync(Guid[] orderIds)
    {
        await using var command = _dataSource.CreateCommand(
            $"""
            with received as (
                select (data ->> 'Payload')::jsonb -> 'data' -> 'object' -> 'metadata' ->> 'order_id' as order_id,
                       min((data ->> 'ReceivedAt')::timestamptz) as at
                from {StripeEvents}
                where data ->> 'Type' in ('checkout.session.completed', 'payment_intent.succeeded')
                group by 1),
            granted as (
                select data ->> 'OrderId' as order_id, min((data ->> 'CreatedAt')::timestamptz) as at
                from {Entitlements} where data ->> 'OrderId' = any($1) group by 1)
            select (extract(epoch from granted.at - received.at) * 1000)::float8 from granted join received using (order_id)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = orderIds.Select(id => id.ToString()).ToArray() });
        var latencies = new List<double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            latencies.Add(reader.GetDouble(0));
        }

        return [.. latencies];
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
