using Npgsql;

namespace Marketplace.Infrastructure.Postgres;

public static class PostgresSetup
{
    public const string ConnectionStringName = "Marketplace";
    private const string EmbeddedDatabase = "marketplace";

    /// <summary>
    /// Registers the one <see cref="NpgsqlDataSource"/> of the app: the configured server, or else a private cluster
    /// started from the machine's PostgreSQL binaries in the app's data folder (stopped again on shutdown).
    /// </summary>
    public static NpgsqlDataSource AddMarketplaceDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var lease = EmbeddedPostgres.Acquire(DataFolder(builder));
            AppDomain.CurrentDomain.ProcessExit += (_, _) => lease.Dispose(); // also when the host fails to start
            builder.Services.AddHostedService(services =>
                new EmbeddedPostgresLifetime(lease, services.GetRequiredService<IHostApplicationLifetime>()));
            CreateDatabaseIfMissingAsync(lease.AdminConnectionString, EmbeddedDatabase).GetAwaiter().GetResult();
            connectionString = lease.ConnectionString(EmbeddedDatabase);
        }

        var dataSource = new NpgsqlDataSourceBuilder(WithPoolSize(connectionString)) { Name = "marketplace" }.Build();
        builder.Services.AddSingleton(dataSource);
        return dataSource;
    }

    /// <summary>Connections one node may hold unless the connection string says otherwise.</summary>
    public const int DefaultMaxPoolSize = 40;

    /// <summary>
    /// Bounds the pool deliberately: two nodes, the sandbox host and an operator's session stay under PostgreSQL's
    /// default of 100 connections, and a burst waits for a connection (up to the connection timeout) instead of making
    /// the server refuse new ones. Expensive requests are bounded before they reach the pool (RateLimiting).
    /// </summary>
    public static string WithPoolSize(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var stated = connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("maxpoolsize", StringComparison.OrdinalIgnoreCase);
        if (!stated)
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
    }

    public static string DataFolder(WebApplicationBuilder builder) =>
        builder.Configuration["Marketplace:DataPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
            : Path.Combine(builder.Environment.ContentRootPath, ".data");

    public static async Task CreateDatabaseIfMissingAsync(string adminConnectionString, string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"create database \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // another process created it first
        }
    }

    /// <summary>Releases the cluster once every hosted service (Wolverine's last writes included) has stopped.</summary>
    private sealed class EmbeddedPostgresLifetime(ClusterLease lease, IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStopped.Register(() =>
            {
                NpgsqlConnection.ClearAllPools();
                lease.Dispose();
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
