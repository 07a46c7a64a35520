using Npgsql;

namespace Marketplace.Infrastructure.Postgres;

/// <summary>
/// A command prepared on a pooled connection, for the few statements run on every request of a busy route. Npgsql
/// keeps a prepared statement with its physical connection across pool reuses, so only the first use on each
/// connection has PostgreSQL parse and plan it; every later one binds and executes.
/// </summary>
public sealed class PreparedCommand : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;

    private PreparedCommand(NpgsqlConnection connection, NpgsqlCommand command)
    {
        this.connection = connection;
        Command = command;
    }

    public NpgsqlCommand Command { get; }

    /// <summary>Opens a pooled connection and prepares <paramref name="sql"/> with its (typed) parameters on it.</summary>
    public static async Task<PreparedCommand> OpenAsync(NpgsqlDataSource database, string sql, NpgsqlParameter[] parameters, CancellationToken ct)
    {
        var connection = await database.OpenConnectionAsync(ct);
        var command = new NpgsqlCommand(sql, connection);
        try
        {
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(ct);
            return new PreparedCommand(connection, command);
        }
        catch
        {
            await command.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Command.DisposeAsync();
        await connection.DisposeAsync();
    }
}
