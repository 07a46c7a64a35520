using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Marketplace.Benchmarks.Intake;

/// <summary>What one delivery pass saw: acknowledgements (200), what the app called duplicates, anything else, and the time.</summary>
public sealed record LoadResult(int Acknowledged, int Duplicates, int Failed, double Seconds, double[] AckMilliseconds, string? FirstFailure)
{
    public double PerSecond => Acknowledged / Seconds;
}

/// <summary>
/// Delivers signed events to one webhook endpoint with a fixed number in flight (a closed loop: each of
/// <c>inFlight</c> workers sends the next event as soon as its previous one is answered), over keep-alive HTTP/1.1
/// connections opened by a warm-up.
/// </summary>
public sealed class LoadRun : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
    private readonly HttpClient _client;
    private readonly Uri _endpoint;
    private readonly string _secret;

    public LoadRun(Uri baseAddress, string secret, int inFlight)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = inFlight,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        _endpoint = new Uri(baseAddress, "api/webhooks/stripe");
        _secret = secret;
        InFlight = inFlight;
    }

    public int InFlight { get; }

    /// <summary>Sends every event once, <see cref="InFlight"/> at a time, in list order; each is signed just before it is sent.</summary>
    public async Task<LoadResult> SendAsync(IReadOnlyList<WebhookEvent> events)
    {
        var latencies = new double[events.Count];
        var statuses = new Outcome[events.Count];
        string? firstFailure = null;
        var next = -1;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < events.Count)
            {
                var started = Stopwatch.GetTimestamp();
                (statuses[i], var failure) = await DeliverAsync(events[i]);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (failure is not null)
                {
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = wall.Elapsed.TotalSeconds;
        double[] acknowledged = [.. latencies.Where((_, i) => statuses[i] != Outcome.Failed)];
        return new LoadResult(acknowledged.Length, statuses.Count(s => s == Outcome.Duplicate), statuses.Count(s => s == Outcome.Failed),
            seconds, acknowledged, firstFailure);
    }

    public void Dispose() => _client.Dispose();

    private async Task<(Outcome, string?)> DeliverAsync(WebhookEvent stripeEvent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(stripeEvent.Payload) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add("Stripe-Signature", StripeEventFactory.Sign(stripeEvent, _secret));
        try
        {
            using var response = await _client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (Outcome.Failed, $"{(int)response.StatusCode}: {body}");
            }

            return (body.Contains("\"duplicate\":true", StringComparison.Ordinal) ? Outcome.Duplicate : Outcome.Stored, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (Outcome.Failed, e.Message);
        }
    }

    private enum Outcome
    {
        Stored,
        Duplicate,
        Failed,
    }
}
