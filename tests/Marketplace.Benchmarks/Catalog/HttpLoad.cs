using System.Buffers;
using System.Diagnostics;
using System.Net;

namespace Marketplace.Benchmarks.Catalog;

/// <summary>
/// What one load pass saw: 200 answers with their latencies (<see cref="Milliseconds"/>), anything else, the wall time and
/// the bytes read; in an open loop also <see cref="SendLags"/>, how late each request was sent after it was due (the
/// harness's own lag, already inside its latency), in milliseconds.
/// </summary>
public sealed record LoadPass(double[] Milliseconds, int Failed, double Seconds, long Bytes, string? FirstFailure, double[]? SendLags = null)
{
    public int Answered => Milliseconds.Length;
    public double PerSecond => Answered / Seconds;
    public double Percentile(double p) => FanOut.Latencies.NearestRank(Sorted, p);
    private double[] Sorted => field ??= [.. Milliseconds.Order()];
}

/// <summary>
/// GET load over keep-alive HTTP/1.1 from one <see cref="HttpClient"/>: a closed loop (N workers, each sending its next
/// request as soon as its previous answer is read) for a fixed time, or an open loop (requests started on a fixed
/// clock, whatever the answers do). Every body is read to the end; anything but 200 counts as failed.
/// </summary>
public sealed class HttpLoad : IDisposable
{
    private readonly HttpClient _client;

    public HttpLoad(int connections)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary><paramref name="inFlight"/> workers, each taking the next URL of <paramref name="next"/> (thread-safe) until <paramref name="duration"/> has passed.</summary>
    public async Task<LoadPass> ClosedLoopAsync(Func<Uri> next, int inFlight, TimeSpan duration)
    {
        var results = new List<double>[inFlight];
        var failed = 0;
        long bytes = 0;
        string? firstFailure = null;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(worker => Task.Run(async () =>
        {
            var mine = results[worker] = new List<double>(4096);
            while (wall.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var (read, failure) = await GetAsync(next());
                if (failure is null)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Add(ref bytes, read);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }
            }
        })));
        return new LoadPass([.. results.SelectMany(r => r)], failed, wall.Elapsed.TotalSeconds, bytes, firstFailure);
    }

    /// <summary>
    /// Starts request <c>i</c> at <c>i / rate</c> seconds, for <paramref name="duration"/>. Latency counts from when the
    /// request was due, not from when it was sent, so a server (or client) that falls behind shows it in full.
    /// </summary>
    public async Task<LoadPass> OpenLoopAsync(Func<Uri> next, double rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var lags = new double[total];
        var outcomes = new Task<(long Bytes, string? Failure)>[total];
        var start = Stopwatch.GetTimestamp();

        // A thread of its own wakes every millisecond and starts what is due, so the schedule does not wait for the
        // thread pool (which the answers keep busy); each request is sent from it up to its first await.
        var dispatcher = new Thread(() =>
        {
            for (var sent = 0; sent < total; Thread.Sleep(1))
            {
                for (var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1); sent < due; sent++)
                {
                    outcomes[sent] = SendAsync(sent, start + (long)(sent / rate * Stopwatch.Frequency), next());
                }
            }
        }) { IsBackground = true, Name = "open-loop dispatcher" };
        dispatcher.Start();
        await Task.Run(dispatcher.Join);
        var done = await Task.WhenAll(outcomes);

        async Task<(long Bytes, string? Failure)> SendAsync(int i, long dueAt, Uri uri)
        {
            lags[i] = Stopwatch.GetElapsedTime(dueAt).TotalMilliseconds;
            var outcome = await GetAsync(uri);
            latencies[i] = Stopwatch.GetElapsedTime(dueAt).TotalMilliseconds;
            return outcome;
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var ok = done.Select((o, i) => (o, i)).Where(x => x.o.Failure is null).ToArray();
        return new LoadPass([.. ok.Select(x => latencies[x.i])], total - ok.Length, seconds, ok.Sum(x => x.o.Bytes),
            done.Select(o => o.Failure).FirstOrDefault(f => f is not null), lags);
    }

    /// <summary>One GET, its body read to the end; the bytes read, or why it failed.</summary>
    public async Task<(long Bytes, string? Failure)> GetAsync(Uri uri)
    {
        try
        {
            using var response = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            long read = 0;
            try
            {
                int n;
                while ((n = await body.ReadAsync(buffer)) > 0)
                {
                    read += n;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return response.StatusCode == HttpStatusCode.OK ? (read, null) : (read, $"{(int)response.StatusCode} from {uri}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (0, $"{e.GetType().Name}: {e.Message} ({uri})");
        }
    }

    /// <summary>The body and content type of one GET, for checking that both servers answer the same.</summary>
    public async Task<(HttpStatusCode Status, string? ContentType, byte[] Body)> FetchAsync(Uri uri)
    {
        using var response = await _client.GetAsync(uri);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }

    public void Dispose() => _client.Dispose();
}
