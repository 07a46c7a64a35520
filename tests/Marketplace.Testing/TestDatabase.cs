using Marketplace.Infrastructure.Postgres;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// A database of its own for one test host: on the server named by <c>ConnectionStrings__Marketplace</c> when set,
/// else on the app's embedded cluster. Dropped again on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    // One hold on the embedded cluster for the whole test process, released at exit: test classes come and go, and the
    // cluster must not stop and restart between them.
    private static readonly Lazy<ClusterLease> SharedCluster = new(() =>
    {
        var lease = EmbeddedPostgres.Acquire(RepositoryPaths.AppData);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => lease.Dispose();
        return lease;
    });

    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Marketplace");
        var admin = string.IsNullOrWhiteSpace(configured)
            ? SharedCluster.Value.AdminConnectionString
            : new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
        var name = $"test_{purpose[..Math.Min(purpose.Length, 12)]}_{Guid.NewGuid():N}".ToLowerInvariant();
        await PostgresSetup.CreateDatabaseIfMissingAsync(admin, name);
        return new TestDatabase(admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
