using Marketplace.Infrastructure.Postgres;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// A database of its own for one test host: on the server named by <c>ConnectionStrings__Marketplace</c> when set,
/// else on the app's embedded cluster. Dropped again on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ClusterLease? _lease;
    private readonly string _adminConnectionString;

    private TestDatabase(ClusterLease? lease, string adminConnectionString, string name)
    {
        _lease = lease;
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Marketplace");
        var lease = string.IsNullOrWhiteSpace(configured) ? EmbeddedPostgres.Acquire(RepositoryPaths.AppData) : null;
        var admin = lease?.AdminConnectionString
            ?? new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
        var name = $"test_{purpose[..Math.Min(purpose.Length, 12)]}_{Guid.NewGuid():N}".ToLowerInvariant();
        await PostgresSetup.CreateDatabaseIfMissingAsync(admin, name);
        return new TestDatabase(lease, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        _lease?.Dispose();
    }
}
