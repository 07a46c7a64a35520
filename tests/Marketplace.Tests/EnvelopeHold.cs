using Marketplace.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Marketplace.Tests;

/// <summary>
/// Holds back every insert into Wolverine's envelope tables (a share lock, in a transaction of its own) so that a test
/// can look at a commit that waits for its messages: whatever that transaction wrote is invisible until it is let go.
/// </summary>
public sealed class EnvelopeHold : IAsyncDisposable
{
    private static readonly string Incoming = $"{CritterStackSetup.MessageSchema}.wolverine_incoming_envelopes";
    private static readonly string Outgoing = $"{CritterStackSetup.MessageSchema}.wolverine_outgoing_envelopes";

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private EnvelopeHold(NpgsqlDataSource dataSource, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        (_dataSource, _connection, _transaction) = (dataSource, connection, transaction);

    public static async Task<EnvelopeHold> TakeAsync(IHost host)
    {
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"lock table {Incoming}, {Outgoing} in share mode", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new EnvelopeHold(dataSource, connection, transaction);
    }

    /// <summary>
    /// Waits until a transaction is stuck inserting a message envelope. Whatever that transaction wrote before, or will
    /// write after, is not committed yet; whatever was committed apart from its messages already shows.
    /// </summary>
    public Task MessageWaitsAsync() => Eventually.ValueAsync(CountWaitingInsertsAsync, waiting => waiting > 0);

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task<long> CountWaitingInsertsAsync()
    {
        // a message being stored; Wolverine's own durability work waits on the held tables too (updates, deletes, and the
        // replay of dead letters, an insert from a select)
        await using var command = _dataSource.CreateCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%insert into%envelopes%' and query not ilike '%dead_letters%'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
