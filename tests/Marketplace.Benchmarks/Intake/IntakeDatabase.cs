using System.Diagnostics;
using Marketplace.Features.Payouts;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Infrastructure.Postgres;
using Npgsql;

namespace Marketplace.Benchmarks.Intake;

/// <summary>What the app and the peer stored for a set of events, read from the app's own embedded cluster.</summary>
public sealed class IntakeDatabase : IAsyncDisposable
{
    private const string Records = "marketplace.mt_doc_stripeeventrecord";
    private const string Payouts = "marketplace.mt_doc_shoppayout";
    private static readonly string Waiting =
        $"CAST(data ->> 'Status' as integer) in ({(int)StripeEventStatus.Received}, {(int)StripeEventStatus.Retrying})";
    private readonly NpgsqlDataSource _dataSource;

    private IntakeDatabase(string connectionString, string dataDirectory)
    {
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The app's database, found as the app finds it: the running cluster's port and password in its data folder.</summary>
    public string ConnectionString { get; }

    /// <summary>The cluster's data directory (its <c>postmaster.pid</c> names the server process).</summary>
    public string DataDirectory { get; }

    public static IntakeDatabase OfRunningApp(string dataPath)
    {
        var layout = ClusterLayout.For(dataPath, runAsOtherUser: Environment.UserName == "root");
        var cluster = new EmbeddedPostgresCluster(layout, PostgresBinaries.Locate());
        return new IntakeDatabase(cluster.ConnectionString("marketplace"), layout.DataDirectory);
    }

    /// <summary>The Stripe account of the demo seller's shop, onboarded on the sandbox by the Development seed once the app has started.</summary>
    public async Task<string> DemoShopAccountAsync()
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (await ScalarAsync<string>("select payouts.data->>'AccountId' from marketplace.mt_doc_shoppayoutaccount payouts join marketplace.mt_doc_shop shop on shop.id = payouts.id where shop.data->>'Slug' = $1", DemoShop.Slug) is { } account)
            {
                return account;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The demo shop {DemoShop.Slug} had no Stripe account a minute after the start; is Seed:DemoData off?");
    }

    /// <summary>
    /// Waits until none of <paramref name="eventIds"/> is still received or retrying in the app; answers how long that
    /// took. It polls a sample (the last ids sent and some spread over the rest) and checks them all once the sample is
    /// done, so that polling costs PostgreSQL little while the app is still processing.
    /// </summary>
    public async Task<TimeSpan> WaitUntilSettledAsync(string[] eventIds, TimeSpan timeout)
    {
        const int sampleSize = 100;
        string[] sample = eventIds.Length <= 2 * sampleSize ? eventIds
            : [.. eventIds[^sampleSize..], .. Enumerable.Range(0, sampleSize).Select(i => eventIds[i * (eventIds.Length - sampleSize) / sampleSize])];
        var waited = Stopwatch.StartNew();
        while (await WaitingAsync(sample) > 0 || await WaitingAsync(eventIds) > 0)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Events still waiting in the app after {timeout}.");
            }

            await Task.Delay(100);
        }

        return waited.Elapsed;
    }

    /// <summary>The app's records of <paramref name="eventIds"/>: how many, how many processed, how many with a single attempt.</summary>
    public async Task<(long Stored, long Processed, long OneAttempt)> RecordsAsync(string[] eventIds)
    {
        await using var command = _dataSource.CreateCommand(
            $"select count(*), count(*) filter (where data->>'Status' = '{(int)StripeEventStatus.Processed}'), " +
            $"count(*) filter (where (data->>'Attempts')::int = 1) from {Records} where id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = eventIds });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>The app's <see cref="ShopPayout"/> documents among <paramref name="payoutIds"/>.</summary>
    public async Task<long> PayoutsAsync(string[] payoutIds) =>
        await ScalarAsync<long>($"select count(*) from {Payouts} where id = any($1)", payoutIds);

    /// <summary>The peer's rows among <paramref name="eventIds"/>.</summary>
    public async Task<long> PeerRowsAsync(string[] eventIds) =>
        await ScalarAsync<long>($"select count(*) from {PeerServer.Table} where id = any($1)", eventIds);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<long> WaitingAsync(string[] eventIds) =>
        await ScalarAsync<long>($"select count(*) from {Records} join unnest($1::text[]) as pass(id) using (id) where {Waiting}", eventIds);

    private async Task<T?> ScalarAsync<T>(string sql, object parameter)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }
}
