using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Postgres;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// Stores a received event in one autocommitted statement, the least a receiver that must never lose or double an
/// event can do: the insert that wins is the one delivery that goes on to be applied, every other is a duplicate.
/// The row is the Marten document <see cref="StripeEventRecord"/> as Marten itself writes it (its JSON, type and
/// version columns, and the duplicated <c>received_at</c>), so every other reader and writer keeps using Marten;
/// <c>StripeEventInboxTests</c> holds the two to the same layout.
/// </summary>
public sealed class StripeEventInbox(IDocumentStore store, NpgsqlDataSource dataSource)
{
    private static readonly string InsertSql =
        $"insert into {CritterStackSetup.DocumentSchema}.mt_doc_{nameof(StripeEventRecord).ToLowerInvariant()} "
        + "(id, data, mt_dotnet_type, mt_version, mt_last_modified, received_at) values ($1, $2, $3, $4, transaction_timestamp(), $5) "
        + "on conflict (id) do nothing";

    private static readonly string DotnetType = typeof(StripeEventRecord).FullName!;

    /// <summary>True when this delivery stored the event; false when it was stored before (a duplicate).</summary>
    public async Task<bool> TryAddAsync(StripeEventRecord record, CancellationToken ct)
    {
        record.Version = Guid.CreateVersion7();
        NpgsqlParameter[] values =
        [
            new NpgsqlParameter<string> { TypedValue = record.Id },
            new NpgsqlParameter<string> { TypedValue = store.Options.Serializer().ToJson(record), NpgsqlDbType = NpgsqlDbType.Jsonb },
            new NpgsqlParameter<string> { TypedValue = DotnetType },
            new NpgsqlParameter<Guid> { TypedValue = record.Version },
            new NpgsqlParameter<DateTimeOffset> { TypedValue = record.ReceivedAt },
        ];

        // Every delivery runs it, so prepared (PreparedCommand).
        await using var command = await PreparedCommand.OpenAsync(dataSource, InsertSql, values, ct);
        return await command.Command.ExecuteNonQueryAsync(ct) == 1;
    }
}
