using System.Diagnostics;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Marketplace.Tests;

/// <summary>
/// Empties every Marten table (documents and events, as Marten's <c>ResetAllData</c> does) and Wolverine's envelope
/// tables, once no message of the previous test is still being handled.
/// </summary>
/// <remarks>
/// Marten's reset truncates table after table in one transaction, taking an exclusive lock on each as it goes, while
/// Wolverine may still be running the previous test's messages: a handler that wrote forum posts and then wanted the
/// notifications the reset already held, while the reset waited for the posts, made a deadlock (40P01). This reset
/// waits until no envelope is in flight, then takes every lock at once with NOWAIT, so it never waits while holding a
/// lock and cannot be part of a deadlock; holding the envelope table too, it can check that nothing started meanwhile,
/// and it deletes scheduled envelopes so that no retry or digest of one test runs inside the next. (Marten's reset also
/// pauses the async projection daemon; the app has no asynchronous projection, so there is none to pause.)
/// </remarks>
public static class DataReset
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    private static readonly string Incoming = $"{CritterStackSetup.MessageSchema}.wolverine_incoming_envelopes";
    private static readonly string Outgoing = $"{CritterStackSetup.MessageSchema}.wolverine_outgoing_envelopes";
    private static readonly string DeadLetters = $"{CritterStackSetup.MessageSchema}.wolverine_dead_letters";

    /// <summary>Messages received but not yet handled, or waiting to be sent: work of a test that is not over.</summary>
    private static readonly string InFlight =
        $"select concat(message_type, ' (owner ', owner_id, ', attempt ', attempts, ')') from {Incoming} where status = 'Incoming' " +
        $"union all select concat(message_type, ' (outgoing to ', destination, ')') from {Outgoing}";

    public static async Task ResetAsync(IHost host, CancellationToken ct = default)
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var schemas = store.Storage.AllSchemaNames();
        var ownTables = ((DocumentStore)store).Options.Storage.ExtendedSchemaObjects.OfType<Weasel.Postgresql.Tables.Table>()
            .Select(t => t.Identifier.QualifiedName).ToArray();
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> pending = [];
        while (clock.Elapsed < Timeout)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            pending = await ReadAsync(connection, null, InFlight, ct);
            if (pending.Count == 0 && await TryResetAsync(connection, schemas, ownTables, ct) is { } stillPending)
            {
                if (stillPending.Count == 0)
                {
                    foreach (var initialData in store.Advanced.InitialDataCollection)
                    {
                        await initialData.Populate(store, ct);
                    }

                    return;
                }

                pending = stillPending;
            }

            await Task.Delay(Pause, ct);
        }

        throw new TimeoutException(
            $"The data was not reset: after {Timeout.TotalSeconds} s messages were still being handled or the tables stayed locked. " +
            $"Pending: {(pending.Count == 0 ? "none (a lock was held)" : string.Join(", ", pending.Distinct()))}.");
    }

    /// <summary>
    /// In one transaction: every table locked at once without waiting, then, when no message is in flight, emptied.
    /// Null when a table was locked by someone else; otherwise the messages found in flight (empty: reset done).
    /// </summary>
    private static async Task<IReadOnlyList<string>?> TryResetAsync(NpgsqlConnection connection, string[] schemas, string[] ownTables, CancellationToken ct)
    {
        var tables = await TablesInDeleteOrderAsync(connection, schemas, ownTables, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await ExecuteAsync(connection, transaction, $"lock table {string.Join(", ", tables)} in access exclusive mode nowait", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return null;
        }

        var pending = await ReadAsync(connection, transaction, InFlight, ct);
        if (pending.Count > 0)
        {
            return pending;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var table in tables)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {table}"));
        }

        foreach (var schema in schemas)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"alter sequence if exists {schema}.mt_events_sequence restart with 1"));
        }

        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }

    /// <summary>
    /// Marten's tables (those it names <c>mt_*</c> in its schemas, as its own reset finds them), the tables features add to
    /// Marten's schema (the catalog's listings) and Wolverine's envelope
    /// tables; a table that references another comes before it, so that deleting row by row never breaks a foreign key.
    /// </summary>
    private static async Task<List<string>> TablesInDeleteOrderAsync(NpgsqlConnection connection, string[] schemas, string[] ownTables, CancellationToken ct)
    {
        const string Sql = """
            select c.oid::regclass::text, coalesce(array_agg(f.confrelid::regclass::text) filter (where f.confrelid is not null), '{}')
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            left join pg_constraint f on f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid
            where c.relkind in ('r', 'p') and ((n.nspname = any($1) and c.relname like 'mt\_%') or c.oid in (select to_regclass(t) from unnest($2::text[]) t))
            group by c.oid
            """;
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters = { new() { Value = schemas }, new() { Value = new[] { Incoming, Outgoing, DeadLetters }.Concat(ownTables).ToArray() } },
        };
        var references = new Dictionary<string, string[]>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                references[reader.GetString(0)] = reader.GetFieldValue<string[]>(1);
            }
        }

        var ordered = new List<string>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        void Place(string table)
        {
            if (!placed.Add(table))
            {
                return;
            }

            // Every table that references this one is deleted first.
            foreach (var (referencing, referenced) in references.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (referenced.Contains(table, StringComparer.Ordinal))
                {
                    Place(referencing);
                }
            }

            ordered.Add(table);
        }

        foreach (var table in references.Keys.Order(StringComparer.Ordinal))
        {
            Place(table);
        }

        return ordered;
    }

    private static async Task<IReadOnlyList<string>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.IsDBNull(0) ? "?" : reader.GetString(0));
        }

        return values;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
