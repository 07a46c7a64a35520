using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marketplace.Features.Accounts;
using Microsoft.AspNetCore.SignalR.Client;

namespace Marketplace.Benchmarks.FanOut;

/// <summary>
/// <c>dotnet run -c Release --project tests/Marketplace.Benchmarks -- fanout [--clients 100,1000] [--seconds 20]</c>:
/// forum fan-out latency of the app (child process) and of a bare SignalR hub (this process), side by side, for each
/// client count in turn. See docs/performance.md.
/// </summary>
public static class FanOutHarness
{
    private const int Rate = 10;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var clientCounts = Option(args, "--clients", "100,1000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        var duration = TimeSpan.FromSeconds(int.Parse(Option(args, "--seconds", "20"), CultureInfo.InvariantCulture));
        EnsureDescriptors(2 * clientCounts.Max() + 1024);
        Console.WriteLine($"// fan-out: {string.Join(" then ", clientCounts)} clients, {Rate} messages/s for {duration.TotalSeconds} s " +
            $"after {Warmup.TotalSeconds} s of warm-up; load average {File.ReadAllText("/proc/loadavg").Trim()}");

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using var app = await MarketplaceProcess.StartAsync(probe, new Dictionary<string, string>
        {
            ["RateLimits__api__PermitLimit"] = "1000000",
            ["RateLimits__posting__PermitLimit"] = "1000000",
            ["RateLimits__posting-new__PermitLimit"] = "1000000",
        });
        await using var bare = await BareHubServer.StartAsync();
        using var api = await ForumApi.SignInAsync(app.BaseAddress, "seller@marketplace.localhost", DemoAccounts.Password);
        var run = new FanOutRun(Rate, Warmup, duration, Drain);
        var rows = new List<Latencies>();
        var publishing = new List<string>();
        foreach (var clients in clientCounts)
        {
            var (threadId, opening) = await api.StartThreadAsync($"Fan-out to {clients} readers", Body(0));
            var payload = JsonSerializer.SerializeToUtf8Bytes(opening, JsonSerializerOptions.Web);
            Console.WriteLine($"// payload: a PostView of {payload.Length} bytes of JSON");
            var connecting = Stopwatch.StartNew();
            await using (var swarm = await ClientSwarm.ConnectAsync(new Uri(app.BaseAddress, "hubs/forum"), clients,
                connection => connection.InvokeAsync("JoinThread", threadId, opening.Seq)))
            {
                await swarm.QuietAsync(Quiet, TimeSpan.FromMinutes(1));
                Console.WriteLine($"// app: {clients} clients connected and joined, presence quiet after {connecting.Elapsed.TotalSeconds:F1} s");
                var (fromCreatedAt, fromResponse) = await run.RunAsync("app", swarm, async i =>
                {
                    var seq = await api.ReplyAsync(threadId, Body(i + 1));
                    return new Published(seq, DateTime.UtcNow.Ticks);
                });
                rows.Add(fromResponse!);
                rows.Add(fromCreatedAt);
                publishing.Add(Describe($"app, {clients} clients: POST reply round trip", run.PublishMilliseconds));
            }

            connecting.Restart();
            await using (var swarm = await ClientSwarm.ConnectAsync(bare.HubAddress, clients, connection => connection.InvokeAsync("Join")))
            {
                await swarm.QuietAsync(Quiet, TimeSpan.FromMinutes(1));
                Console.WriteLine($"// bare hub: {clients} clients connected and joined after {connecting.Elapsed.TotalSeconds:F1} s");
                var (fromSend, _) = await run.RunAsync("bare hub", swarm, async i =>
                {
                    await bare.BroadcastAsync(opening, i + 1);
                    return new Published(i + 1, null);
                });
                rows.Add(fromSend with { From = "send stamp" });
                publishing.Add(Describe($"bare hub, {clients} clients: group send", run.PublishMilliseconds));
            }
        }

        Console.WriteLine($"// load average at the end {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine(Latencies.TableHeader);
        rows.ForEach(row => Console.WriteLine(row.TableRow()));
        Console.WriteLine();
        publishing.ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>A reply of a realistic length (about 300 characters of Markdown), different every time.</summary>
    private static string Body(int n) =>
        $"Reply {n.ToString(CultureInfo.InvariantCulture)} of the fan-out run. I exported the *font family* as WOFF2 " +
        "and the download was watermarked as expected, but the variable axes were lost on the way. Has anyone seen " +
        "the same with **Safari**? The license says web use is fine; I checked the seller's page twice and asked in " +
        "their support thread too.";

    private static string Describe(string what, double[] milliseconds)
    {
        double[] sorted = [.. milliseconds.Order()];
        return string.Create(CultureInfo.InvariantCulture, $"{what}: p50 {Latencies.NearestRank(sorted, 50):F1} ms, " +
            $"p99 {Latencies.NearestRank(sorted, 99):F1} ms, max {Latencies.NearestRank(sorted, 100):F1} ms");
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    /// <summary>This process holds both ends of the bare hub's sockets; .NET raises the soft limit to the hard one at start.</summary>
    private static void EnsureDescriptors(int needed)
    {
        var line = File.ReadLines("/proc/self/limits").First(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        if (soft != "unlimited" && long.Parse(soft, CultureInfo.InvariantCulture) < needed)
        {
            throw new InvalidOperationException($"{needed} file descriptors needed, the limit is {soft}: raise it (ulimit -n) first.");
        }

        Console.WriteLine($"// open files limit {soft}, {needed} needed");
    }
}
