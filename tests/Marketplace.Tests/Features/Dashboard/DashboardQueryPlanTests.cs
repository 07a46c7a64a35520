using Marketplace.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Tests.Features.Dashboard;

/// <summary>
/// Each series of the dashboard is one statement that an index serves: with sequential scans priced out, PostgreSQL
/// still finds a plan without one, so no series reads a whole table as orders, members and events pile up.
/// </summary>
public sealed class DashboardQueryPlanTests(AppFixture fixture) : DashboardTest(fixture)
{
    public static TheoryData<string> Series => [nameof(DashboardSeries.Sales), nameof(DashboardSeries.Members), nameof(DashboardSeries.OpenQueue), nameof(DashboardSeries.FailedWebhooks)];

    [Theory]
    [MemberData(nameof(Series))]
    public async Task No_series_of_the_dashboard_scans_a_whole_table(string series)
    {
        var sql = (string)typeof(DashboardSeries).GetField(series)!.GetValue(null)!;
        await using var connection = await Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("set local enable_seqscan = off", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand($"explain {sql.Replace("?", "$1", StringComparison.Ordinal)}", connection, transaction);
        if (sql.Contains('?', StringComparison.Ordinal))
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow.AddDays(-30) });
        }

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join("\n", plan);
        text.ShouldNotContain("Seq Scan", customMessage: text);
        text.ShouldContain("Index", customMessage: text);
    }
}
