using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Marketplace.Benchmarks;

/// <summary>
/// One GET over loopback HTTP/1.1 per operation, through one shared keep-alive connection pool: the app's health
/// endpoints (child process) against a bare minimal-API endpoint (this process). Each benchmark starts only the
/// server it measures, so the other one never competes for the CPU. See docs/performance.md.
/// </summary>
[Config(typeof(Config))]
public class HealthEndpointBenchmarks
{
    private HttpClient _client = null!;
    private BareApi? _bare;
    private MarketplaceProcess? _app;
    private Uri _bareLive = null!;
    private Uri _appLive = null!;
    private Uri _appReady = null!;

    [GlobalSetup(Target = nameof(Bare_HealthLive))]
    public async Task StartBareAsync()
    {
        _client = NewClient();
        _bare = await BareApi.StartAsync();
        _bareLive = new Uri(_bare.BaseAddress, "health/live");
        await GetAsync(_bareLive);
    }

    [GlobalSetup(Targets = [nameof(App_HealthLive), nameof(App_HealthReady)])]
    public async Task StartAppAsync()
    {
        _client = NewClient();
        _app = await MarketplaceProcess.StartAsync(_client);
        _appLive = new Uri(_app.BaseAddress, "health/live");
        _appReady = new Uri(_app.BaseAddress, "health/ready");
        await GetAsync(_appLive);
        await GetAsync(_appReady);
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }

        if (_bare is not null)
        {
            await _bare.DisposeAsync();
            _bare = null;
        }

        _client.Dispose();
    }

    /// <summary>GET /health/live on the bare minimal API (in this process).</summary>
    [Benchmark(Baseline = true)]
    public Task<int> Bare_HealthLive() => GetAsync(_bareLive);

    /// <summary>GET /health/live on the app: the full middleware pipeline, no check runs.</summary>
    [Benchmark]
    public Task<int> App_HealthLive() => GetAsync(_appLive);

    /// <summary>GET /health/ready on the app: the pipeline plus a <c>select 1</c> round trip to PostgreSQL.</summary>
    [Benchmark]
    public Task<int> App_HealthReady() => GetAsync(_appReady);

    /// <summary>Sends the GET, reads the whole body and fails on anything but 200, so an error path is never measured.</summary>
    private async Task<int> GetAsync(Uri uri)
    {
        using var response = await _client.GetAsync(uri);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {uri} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return body.Length;
    }

    private static HttpClient NewClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In-process: a generated out-of-process project would sit under this repo and inherit its strict
            // build settings (warnings as errors, analyzers), and it saves a build per run.
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Throughput)
                .WithLaunchCount(1)
                .WithWarmupCount(5)
                .WithIterationCount(15)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddDiagnoser(MemoryDiagnoser.Default);
            WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        }
    }
}
