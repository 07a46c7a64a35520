using Npgsql;

namespace Marketplace.ProductionTests;

/// <summary>What a node acknowledged is never lost: a crash leaves the work in PostgreSQL, and it is done once after.</summary>
[Collection(LocalTopologyCollection.Name)]
public sealed class CrashRecoveryTests(LocalTopology topology)
{
    private const int Events = 1000;

    [Fact]
    public async Task A_node_killed_with_a_thousand_acknowledged_events_in_its_backlog_applies_each_once_after_restart()
    {
        var seller = await OnboardedSeller.CreateAsync(topology);
        seller.Client.Dispose();
        var marker = Guid.NewGuid().ToString("N")[..10];
        await topology.StopNodeAsync(2);
        try
        {
            using var node1 = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = topology.Node1 };
            using var inFlight = new SemaphoreSlim(32);
            var statuses = await Task.WhenAll(Enumerable.Range(0, Events).Select(async i =>
            {
                await inFlight.WaitAsync();
                try
                {
                    return await PayoutEvents.PostAsync(node1, PayoutEvents.Paid($"evt_po_{marker}_{i}", seller.AccountId, $"po_{marker}_{i}", amount: 1200), LocalTopology.ConnectWebhookSecret);
                }
                finally
                {
                    inFlight.Release();
                }
            }));
            statuses.ShouldAllBe(status => status == 200);

            await topology.KillNodeAsync(1);
            var backlog = await CountAsync("select count(*) from marketplace.mt_doc_stripeeventrecord where data->>'Id' like @prefix and data->>'Status' not in ('2', '3', 'Processed', 'Ignored')", marker);
            backlog.ShouldBeGreaterThan(0, "the kill should leave acknowledged events unprocessed");

            await topology.StartNodeAsync(1);
            await Eventually.TrueAsync(
                async () => await CountAsync("select count(*) from marketplace.mt_doc_stripeeventrecord where data->>'Id' like @prefix and data->>'Status' in ('2', 'Processed')", marker) == Events,
                $"all {Events} events processed after the restart ({backlog} were waiting)", seconds: 240);
            (await CountAsync("select count(*) from marketplace.mt_doc_shoppayout where id like @prefix", marker)).ShouldBe(Events);
            (await CountAsync("select count(*) from marketplace.mt_doc_stripeeventrecord where data->>'Id' like @prefix and (data->>'Attempts')::int <> 1", marker))
                .ShouldBe(0, "no event's effects were applied twice");
        }
        finally
        {
            await topology.StartNodeAsync(1);
            await topology.StartNodeAsync(2);
        }
    }

    private async Task<int> CountAsync(string sql, string marker)
    {
        await using var connection = new NpgsqlConnection(topology.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("prefix", $"%{marker}%") } };
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
