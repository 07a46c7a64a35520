using System.Globalization;
using Marketplace.Infrastructure.Payments;

namespace Marketplace.Benchmarks.Intake;

/// <summary>
/// <c>dotnet run -c Release --project tests/Marketplace.Benchmarks -- intake [--events 10000] [--warmup 1000] [--warmup-rounds 20]
/// [--in-flight 16,64] [--reps 5] [--types payout.paid,balance.available] [--duplicates 1000] [--app-setting Name=Value]...</c>: signed Stripe
/// events acknowledged per second by the app's webhook endpoint (child process) and by a bare peer (another child
/// process) on the same PostgreSQL server, alternating in one run; then a run of triple deliveries. See docs/performance.md.
/// </summary>
public static class IntakeHarness
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Number(args, "--events", "10000");
        var warmup = Number(args, "--warmup", "1000");
        var warmupRounds = Number(args, "--warmup-rounds", "20");
        var reps = Number(args, "--reps", "5");
        var duplicates = Number(args, "--duplicates", "1000");
        int[] inFlights = [.. Option(args, "--in-flight", "16,64").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
        var types = Option(args, "--types", $"{StripeEventFactory.PayoutPaid},{StripeEventFactory.BalanceAvailable}").Split(',');
        Console.WriteLine($"// intake: {count} events per pass after {warmup} of warm-up, {string.Join(" and ", inFlights)} in flight, " +
            $"{string.Join(" and ", types)}, {reps} repetitions; load average {IntakeReport.LoadAverage()}");

        var settings = args.Select((arg, i) => (arg, i)).Where(a => a.arg == "--app-setting" && a.i + 1 < args.Length)
            .Select(a => args[a.i + 1].Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
        foreach (var (name, value) in settings)
        {
            Console.WriteLine($"// app setting {name}={value}");
        }

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using var app = await MarketplaceProcess.StartAsync(probe, settings);
        await using var database = IntakeDatabase.OfRunningApp(MarketplaceProcess.DataPath);
        var account = await database.DemoShopAccountAsync();
        const string secret = StripeOptions.DevelopmentConnectWebhookSecret;
        await using var peer = await PeerProcess.StartAsync(database.ConnectionString, secret);
        var servers = new Dictionary<string, (Uri Address, int Pid)>
        {
            [IntakeReport.Peer] = (peer.BaseAddress, peer.ProcessId),
            [IntakeReport.App] = (app.BaseAddress, app.ProcessId),
        };
        var cpu = CpuMeter.OfCluster(database.DataDirectory);
        Console.WriteLine($"// events of {account}, the demo shop's connected account, signed with the Connect endpoint's development secret");

        foreach (var (side, server) in servers)
        {
            await WarmUpAsync(side, server, types, inFlights.Max(), warmup, warmupRounds, database, cpu, account, secret);
        }

        Console.WriteLine($"// warmed up; load average {IntakeReport.LoadAverage()}");
        var samples = new List<IntakeSample>();
        for (var rep = 1; rep <= reps; rep++)
        {
            foreach (var inFlight in inFlights)
            {
                foreach (var type in types)
                {
                    string[] order = rep % 2 == 1 ? [IntakeReport.Peer, IntakeReport.App] : [IntakeReport.App, IntakeReport.Peer];
                    foreach (var side in order)
                    {
                        var (result, use) = (await PassAsync(side, servers[side], type, inFlight, warmup, count, database, cpu, account, secret))!.Value;
                        samples.Add(new IntakeSample(side, type, inFlight, rep, result, use));
                    }
                }
            }
        }

        var duplicatesOk = duplicates <= 0 ||
            await DuplicateRun.RunAsync(app.BaseAddress, peer.BaseAddress, database, account, secret, duplicates, inFlights.Max());
        Console.WriteLine($"// load average at the end {IntakeReport.LoadAverage()}");
        Console.WriteLine();
        IntakeReport.Print(samples);
        return duplicatesOk && samples.All(s => s.Result.Failed == 0) ? 0 : 1;
    }

    /// <summary>
    /// Sends <paramref name="warmup"/> events (connections opened, nothing counted), waits for the app to settle, sends
    /// <paramref name="count"/> measured events, and waits for the app to process what it acknowledged before the next
    /// pass. CPU is counted over the measured events and that wait: what the events cost in all.
    /// </summary>
    private static async Task<(LoadResult, CpuUse)?> PassAsync(
        string side, (Uri Address, int Pid) server, string type, int inFlight, int warmup, int count, IntakeDatabase database, CpuMeter cpu,
        string account, string secret)
    {
        var events = Enumerable.Range(0, warmup + count).Select(_ => StripeEventFactory.Make(type, account)).ToArray();
        using var run = new LoadRun(server.Address, secret, inFlight);
        var warm = await run.SendAsync(events[..warmup]);
        if (warm.FirstFailure is { } warmFailure)
        {
            throw new InvalidOperationException($"{side} refused a warm-up event: {warmFailure}");
        }

        await SettleAsync(side, database, events[..warmup]);
        if (count == 0)
        {
            return null;
        }

        var load = IntakeReport.LoadAverage();
        var settled = TimeSpan.Zero;
        var tieringBefore = CpuMeter.TieringTicks(server.Pid);
        var (result, use) = await cpu.MeasureAsync(server.Pid, async () =>
        {
            var sent = await run.SendAsync(events[warmup..]);
            settled = await SettleAsync(side, database, events[warmup..]);
            return sent;
        });
        var after = side == IntakeReport.App ? string.Create(CultureInfo.InvariantCulture, $", settled {settled.TotalSeconds:F1} s after") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {side,-4} {type,-17} {inFlight,2} in flight: {result.Acknowledged} acknowledged in {result.Seconds:F1} s, {result.PerSecond:F0}/s, " +
            $"{result.Failed} failed{after}; load average {load}; {use.PerEvent(result.Acknowledged)}; " +
            $"tiered compilation {CpuMeter.TieringSeconds(tieringBefore, CpuMeter.TieringTicks(server.Pid)) * 1000:F0} ms"));
        if (result.FirstFailure is { } failure)
        {
            Console.WriteLine($"//   first failure: {failure}");
        }

        return (result, use);
    }

    /// <summary>
    /// Rounds of every event type before anything is measured: the app has far more code on its path than the peer, and
    /// measured half recompiled (its first 20,000 events) it ran instrumented code and spent a core's fifth on the JIT.
    /// Each pass reports the tiered compilation it still saw.
    /// </summary>
    private static async Task WarmUpAsync(
        string side, (Uri Address, int Pid) server, string[] types, int inFlight, int warmup, int rounds, IntakeDatabase database, CpuMeter cpu,
        string account, string secret)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var before = CpuMeter.TieringTicks(server.Pid);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var type in types)
            {
                await PassAsync(side, server, type, inFlight, warmup, 0, database, cpu, account, secret);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {side} warmed up in {clock.Elapsed.TotalSeconds:F0} s: {rounds} rounds of {warmup} events of each type; " +
            $"tiered compilation {CpuMeter.TieringSeconds(before, CpuMeter.TieringTicks(server.Pid)):F1} s"));
    }

    private static async Task<TimeSpan> SettleAsync(string side, IntakeDatabase database, WebhookEvent[] events) =>
        side == IntakeReport.App ? await database.WaitUntilSettledAsync([.. events.Select(e => e.Id)], SettleTimeout) : TimeSpan.Zero;

    private static int Number(string[] args, string name, string fallback) => int.Parse(Option(args, name, fallback), CultureInfo.InvariantCulture);

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
