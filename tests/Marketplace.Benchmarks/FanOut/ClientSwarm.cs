using System.Collections.Concurrent;
using System.Text.Json;
using Marketplace.Features.Forum;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Marketplace.Benchmarks.FanOut;

/// <summary>One receipt of <c>PostCreated</c>: the post's sequence number, its <c>createdAt</c>, and when it arrived (UTC ticks).</summary>
public readonly record struct Receipt(long Seq, long CreatedAtTicks, long ReceivedTicks);

/// <summary>
/// N SignalR clients over WebSockets (negotiation skipped), each recording every <c>PostCreated</c> it receives with
/// the wall-clock time of its handler call.
/// </summary>
public sealed class ClientSwarm : IAsyncDisposable
{
    private const int ConnectParallelism = 16;
    private readonly HubConnection[] _connections;
    private readonly ConcurrentQueue<Receipt>[] _receipts;
    private long _lastOtherTicks = DateTime.UtcNow.Ticks;

    private ClientSwarm(HubConnection[] connections, ConcurrentQueue<Receipt>[] receipts)
    {
        _connections = connections;
        _receipts = receipts;
    }

    public int Count => _connections.Length;

    public IReadOnlyList<ConcurrentQueue<Receipt>> Receipts => _receipts;

    /// <param name="hub">The hub's URL.</param>
    /// <param name="count">How many clients.</param>
    /// <param name="join">What each client calls once connected (<c>JoinThread</c> on the app).</param>
    public static async Task<ClientSwarm> ConnectAsync(Uri hub, int count, Func<HubConnection, Task> join)
    {
        var receipts = Enumerable.Range(0, count).Select(_ => new ConcurrentQueue<Receipt>()).ToArray();
        var connections = new HubConnection[count];
        var swarm = new ClientSwarm(connections, receipts);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism }, async (i, ct) =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(hub, options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                })
                .Build();
            var mine = receipts[i];
            connection.On<PostView>("PostCreated", post => mine.Enqueue(new Receipt(post.Seq, post.CreatedAt.UtcTicks, DateTime.UtcNow.Ticks)));
            connection.On<JsonElement>("Presence", _ => Interlocked.Exchange(ref swarm._lastOtherTicks, DateTime.UtcNow.Ticks));
            connections[i] = connection;
            await connection.StartAsync(ct);
            await join(connection);
        });
        return swarm;
    }

    /// <summary>
    /// Waits until no other message (the app's <c>Presence</c>, sent to the whole thread on every join) has arrived for
    /// <paramref name="quiet"/>, so that the join storm is over before anything is measured.
    /// </summary>
    public async Task QuietAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && DateTime.UtcNow - new DateTime(Interlocked.Read(ref _lastOtherTicks), DateTimeKind.Utc) < quiet)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until every client holds every one of <paramref name="seqs"/>, or the time is up.</summary>
    public async Task DrainAsync(IReadOnlyCollection<long> seqs, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && _receipts.Any(r => r.Select(x => x.Seq).Intersect(seqs).Count() < seqs.Count))
        {
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync() =>
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism * 2 },
            async (connection, _) => await connection.DisposeAsync());
}
