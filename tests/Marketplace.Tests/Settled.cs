using Marketplace.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Marketplace.Tests;

/// <summary>
/// Waits for Wolverine's durable work to be over: no message received and not yet handled, none scheduled for later,
/// none waiting to be sent. Every local queue is durable, so each such message is a row in Wolverine's tables until
/// it has been handled; an absence asserted after this covers everything the test set going, however late it was due.
/// </summary>
public static class Settled
{
    private static readonly string Pending =
        $"select concat(message_type, ' (', status, ')') from {CritterStackSetup.MessageSchema}.wolverine_incoming_envelopes " +
        $"where status in ('Incoming', 'Scheduled') " +
        $"union all select concat(message_type, ' (to ', destination, ')') from {CritterStackSetup.MessageSchema}.wolverine_outgoing_envelopes";

    /// <summary>Fails the test when messages are still pending after <paramref name="seconds"/>.</summary>
    public static Task MessagesAsync(IHost host, int seconds = 30) =>
        Eventually.ValueAsync(() => PendingAsync(host), pending => pending.Length == 0, seconds);

    private static async Task<string> PendingAsync(IHost host)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Pending, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var pending = new List<string>();
        while (await reader.ReadAsync())
        {
            pending.Add(reader.GetString(0));
        }

        return string.Join(", ", pending);
    }
}
