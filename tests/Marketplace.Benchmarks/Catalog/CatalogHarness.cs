using System.Diagnostics;
using System.Globalization;
using Marketplace.Benchmarks.Intake;
using Npgsql;

namespace Marketplace.Benchmarks.Catalog;

/// <summary>
/// <c>dotnet run -c Release --project tests/Marketplace.Benchmarks -- catalog [--products 10000] [--seconds 10] [--in-flight 16,64]
/// [--reps 3] [--warmup 20] [--pass-warmup 2] [--endpoints product,search] [--open-loop 0.25,0.5] [--app-setting Name=Value]...</c>: the public catalog's product by id and a
/// 24-item search page, served by the app (child process) and by a raw Npgsql peer (another child process) from the
/// same rows, in alternating closed-loop passes; then product by id in an open loop at fractions of the app's peak
/// (<c>--open-loop 0.25,0.5</c>; the goal is set at half). See docs/performance.md.
/// </summary>
public static class CatalogHarness
{
    private const int OpenLoopConnections = 256;

    public static async Task<int> RunAsync(string[] args)
    {
        var products = Number(args, "--products", "10000");
        var seconds = TimeSpan.FromSeconds(Number(args, "--seconds", "10"));
        var warmup = TimeSpan.FromSeconds(Number(args, "--warmup", "20"));
        var passWarmup = TimeSpan.FromSeconds(Number(args, "--pass-warmup", "2"));
        var reps = Number(args, "--reps", "3");
        int[] inFlights = [.. Option(args, "--in-flight", "16,64").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
        Console.WriteLine($"// catalog: {products} products; {string.Join(" and ", inFlights)} in flight, {seconds.TotalSeconds} s per pass after " +
            $"{passWarmup.TotalSeconds} s of warm-up, {reps} repetitions; load average {IntakeReport.LoadAverage()}");

        // The per-address API limit (600 a minute) would refuse a load test from one address within a second; the
        // limiter still runs on every request, as it does in production.
        var settings = new Dictionary<string, string> { ["RateLimits__api__PermitLimit"] = "1000000000" };
        foreach (var (name, value) in args.Select((arg, i) => (arg, i)).Where(a => a.arg == "--app-setting" && a.i + 1 < args.Length)
            .Select(a => args[a.i + 1].Split('=', 2)).Select(pair => (pair[0], pair.Length > 1 ? pair[1] : "")))
        {
            settings[name] = value;
            Console.WriteLine($"// app setting {name}={value}");
        }

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using var app = await MarketplaceProcess.StartAsync(probe, settings);
        string connectionString, dataDirectory;
        await using (var cluster = IntakeDatabase.OfRunningApp(MarketplaceProcess.DataPath))
        {
            (connectionString, dataDirectory) = (cluster.ConnectionString, cluster.DataDirectory);
        }

        await using var database = NpgsqlDataSource.Create(connectionString);
        var shops = await CatalogData.EnsureShopsAsync(app.BaseAddress);
        var ids = await CatalogSeed.SeedAsync(database, shops, products);
        var queries = await CatalogData.ChooseQueriesAsync(database);
        await using var peer = await PeerProcess.StartAsync("catalog-peer", CatalogPeerServer.ReadyLine,
            new Dictionary<string, string> { [CatalogPeerServer.ConnectionVariable] = connectionString });
        var appTarget = CatalogTarget.App(app.BaseAddress, app.ProcessId, ids, queries);
        var peerTarget = CatalogTarget.Peer(peer.BaseAddress, peer.ProcessId, ids, queries);
        if (!await CatalogTarget.SameJsonAsync(appTarget, peerTarget, productSample: 500))
        {
            return 1;
        }

        var cpu = CpuMeter.OfCluster(dataDirectory);
        foreach (var target in new[] { peerTarget, appTarget })
        {
            var (_, idle) = await cpu.MeasureAsync(target.ProcessId, async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                return true;
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {target.Side} idle for 5 s: server {idle.Server / idle.Seconds:P1} of a core, " +
                $"PostgreSQL {idle.Postgres / idle.Seconds:P1}, other work {idle.OtherCores:F2} cores"));
        }

        var endpoints = Option(args, "--endpoints", $"{CatalogReport.Product},{CatalogReport.Search}").Split(',');
        foreach (var target in new[] { peerTarget, appTarget })
        {
            await WarmUpAsync(target, endpoints, inFlights.Max(), warmup);
        }

        var samples = new List<CatalogSample>();
        for (var rep = 1; rep <= reps; rep++)
        {
            foreach (var inFlight in inFlights)
            {
                foreach (var endpoint in endpoints)
                {
                    foreach (var target in rep % 2 == 1 ? new[] { peerTarget, appTarget } : [appTarget, peerTarget])
                    {
                        samples.Add(await ClosedPassAsync(target, endpoint, inFlight, rep, passWarmup, seconds, cpu));
                    }
                }
            }
        }

        if (!endpoints.Contains(CatalogReport.Product))
        {
            CatalogReport.Print(samples);
            return samples.All(s => s.Pass.Failed == 0) ? 0 : 1;
        }

        var peak = inFlights.Max(n => Median(samples.Where(s => s.Side == CatalogReport.App && s.Endpoint == CatalogReport.Product && s.InFlight == n)
            .Select(s => s.Pass.PerSecond)));
        double[] fractions = [.. Option(args, "--open-loop", "0.25,0.5").Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture))];
        Console.WriteLine($"// open loop at {string.Join(" and ", fractions)} of the app's peak of {peak:F0} product requests/s");
        foreach (var fraction in fractions)
        {
            foreach (var target in new[] { appTarget, peerTarget })
            {
                samples.Add(await OpenPassAsync(target, peak, fraction, passWarmup, seconds, cpu));
            }
        }

        Console.WriteLine($"// load average at the end {IntakeReport.LoadAverage()}");
        Console.WriteLine();
        CatalogReport.Print(samples);
        return samples.All(s => s.Pass.Failed == 0) ? 0 : 1;
    }

    private static async Task<CatalogSample> ClosedPassAsync(
        CatalogTarget target, string endpoint, int inFlight, int rep, TimeSpan warmup, TimeSpan duration, CpuMeter cpu)
    {
        using var load = new HttpLoad(inFlight);
        var next = target.Next(endpoint);
        await load.ClosedLoopAsync(next, inFlight, warmup); // opens the connections
        var loadAverage = IntakeReport.LoadAverage();
        var (pass, use) = await cpu.MeasureAsync(target.ProcessId, () => load.ClosedLoopAsync(next, inFlight, duration));
        var sample = new CatalogSample(target.Side, endpoint, inFlight, rep, pass, use);
        Report(sample, loadAverage);
        return sample;
    }

    private static async Task<CatalogSample> OpenPassAsync(CatalogTarget target, double peak, double fraction, TimeSpan warmup, TimeSpan duration, CpuMeter cpu)
    {
        var rate = peak * fraction;
        using var load = new HttpLoad(OpenLoopConnections);
        var next = target.Next(CatalogReport.Product);
        await load.OpenLoopAsync(next, rate, warmup);
        var loadAverage = IntakeReport.LoadAverage();
        var (pass, use) = await cpu.MeasureAsync(target.ProcessId, () => load.OpenLoopAsync(next, rate, duration));
        var sample = new CatalogSample(target.Side, CatalogReport.Product, 0, 1, pass, use, rate, fraction);
        Report(sample, loadAverage);
        return sample;
    }

    /// <summary>Each endpoint in a closed loop for <paramref name="duration"/> before anything is measured, so that tiered compilation is done.</summary>
    private static async Task WarmUpAsync(CatalogTarget target, string[] endpoints, int inFlight, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var before = CpuMeter.TieringTicks(target.ProcessId);
        using var load = new HttpLoad(inFlight);
        var answered = 0;
        foreach (var endpoint in endpoints)
        {
            var pass = await load.ClosedLoopAsync(target.Next(endpoint), inFlight, duration);
            answered += pass.Answered;
            if (pass.FirstFailure is { } failure)
            {
                throw new InvalidOperationException($"{target.Side} failed during the warm-up: {failure}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {target.Side} warmed up in {clock.Elapsed.TotalSeconds:F0} s ({answered} requests); " +
            $"tiered compilation {CpuMeter.TieringSeconds(before, CpuMeter.TieringTicks(target.ProcessId)):F1} s"));
    }

    private static void Report(CatalogSample sample, string loadAverage)
    {
        Console.WriteLine(sample.Line(loadAverage));
        if (sample.Pass.FirstFailure is { } failure)
        {
            Console.WriteLine($"//   first failure: {failure}");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int Number(string[] args, string name, string fallback) => int.Parse(Option(args, name, fallback), CultureInfo.InvariantCulture);

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
