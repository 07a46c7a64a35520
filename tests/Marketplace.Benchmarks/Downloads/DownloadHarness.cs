using System.Diagnostics;
using System.Globalization;
using Marketplace.Benchmarks.Intake;
using Marketplace.Benchmarks.Upload;

namespace Marketplace.Benchmarks.Downloads;

/// <summary>
/// <c>dotnet run -c Release --project tests/Marketplace.Benchmarks -- download [--mib 1024] [--runs 5] [--repeat 4]</c>:
/// a buyer's copy of <c>--mib</c> MiB downloaded <c>--repeat</c> times in a row per measurement with a signed link each, sent by the app itself (<c>SendFileAsync</c>) and handed
/// to nginx with X-Accel-Redirect, each against nginx sending the same file with <c>sendfile</c> in the same run;
/// throughput of each download and the app's resident set while it sends. See docs/performance.md.
/// </summary>
public static class DownloadHarness
{
    private const double MiB = 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var mib = long.Parse(Option(args, "--mib", "1024"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs", "5"), CultureInfo.InvariantCulture);
        var repeat = int.Parse(Option(args, "--repeat", "4"), CultureInfo.InvariantCulture);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var blobs = Path.Combine(MarketplaceProcess.DataPath, "blobs");
        var settings = new Dictionary<string, string> { ["Downloads__DefaultDownloadLimit"] = "100", ["RateLimits__api__PermitLimit"] = "100000" };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// download: {mib} MiB × {repeat} per measurement, {runs} runs each, load average {IntakeReport.LoadAverage()}"));
        Console.WriteLine("| how | run | MiB/s | seconds | app RSS growth (MiB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");

        DownloadPurchase purchase;
        await using (var app = await MarketplaceProcess.StartAsync(probe, settings))
        {
            purchase = await DownloadPurchase.MakeAsync(app.BaseAddress, mib);
            using var nginx = await NginxProcess.StartAsync(blobs, app.BaseAddress, probe);
            for (var run = 0; run <= runs; run++)
            {
                await MeasureAsync(client, "nginx sendfile", run, repeat, () => Task.FromResult(new Uri(nginx.BaseAddress, $"files/{purchase.CopyKey}")), app.ProcessId);
                await MeasureAsync(client, "app directly", run, repeat, async () => new Uri(app.BaseAddress, await purchase.LinkAsync(app.BaseAddress)), app.ProcessId);
            }
        }

        settings["Downloads__AccelRedirectPrefix"] = "/internal-downloads/";
        await using (var app = await MarketplaceProcess.StartAsync(probe, settings))
        {
            using var nginx = await NginxProcess.StartAsync(blobs, app.BaseAddress, probe);
            for (var run = 0; run <= runs; run++)
            {
                await MeasureAsync(client, "nginx sendfile", run, repeat, () => Task.FromResult(new Uri(nginx.BaseAddress, $"files/{purchase.CopyKey}")), app.ProcessId);
                await MeasureAsync(client, "app, X-Accel-Redirect to nginx", run, repeat, async () => new Uri(nginx.BaseAddress, await purchase.LinkAsync(app.BaseAddress)), app.ProcessId);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// load average at the end {IntakeReport.LoadAverage()}"));
        return 0;
    }

    /// <summary>
    /// <paramref name="repeat"/> downloads in a row, each with a fresh URL (a link is issued per download, as a buyer
    /// would, before the clock starts: issuing links is measured on its own): one number for several seconds of
    /// sending, not one hiccup. Each download's check of its link and its gate are in the time. Run 0
    /// warms up the freshly started app and nginx (first sign-in, first transaction, page cache) and is not counted.
    /// </summary>
    private static async Task MeasureAsync(HttpClient client, string how, int run, int repeat, Func<Task<Uri>> url, int appPid)
    {
        using var rss = new RssSampler(appPid, TimeSpan.FromMilliseconds(20));
        rss.Start();
        await Task.Delay(300);
        var buffer = new byte[1 << 20];
        var urls = new List<Uri>();
        for (var i = 0; i < repeat; i++)
        {
            urls.Add(await url());
        }

        long bytes = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var next in urls)
        {
            using var response = await client.GetAsync(next, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{how}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await using var body = await response.Content.ReadAsStreamAsync();
            for (int read; (read = await body.ReadAsync(buffer)) > 0;)
            {
                bytes += read;
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var samples = rss.Stop();
        long[] idle = [.. samples.Where(s => s.Timestamp < started).Select(s => s.Bytes).Order()];
        var growth = (samples.Max(s => s.Bytes) - (idle.Length > 0 ? idle[idle.Length / 2] : samples[0].Bytes)) / MiB;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {how} | {run} | {bytes / MiB / seconds:F0} | {seconds:F2} | {growth:F1} |"));
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
