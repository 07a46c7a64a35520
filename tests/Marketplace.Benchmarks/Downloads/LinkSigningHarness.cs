using System.Diagnostics;
using System.Globalization;
using Marketplace.Features.Downloads;
using Marketplace.Features.Downloads.Links;
using Microsoft.Extensions.Options;

namespace Marketplace.Benchmarks.Downloads;

/// <summary>
/// <c>dotnet run -c Release --project tests/Marketplace.Benchmarks -- links [--count 200000]</c>: how many download
/// links one core signs and checks per second (<see cref="DownloadLinks"/>, HMAC-SHA256 with a 40-byte key, as the app
/// does for <c>POST /api/library/…/link</c> and before every download). See docs/performance.md.
/// </summary>
public static class LinkSigningHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(args is ["--count", var value, ..] ? value : "200000", CultureInfo.InvariantCulture);
        var options = Options.Create(new DownloadOptions { SigningKeys = new() { ["20261204"] = new string('k', 40) } });
        var links = new DownloadLinks(options, TimeProvider.System);
        var ids = Enumerable.Range(0, 1024).Select(_ => (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid())).ToArray();
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        var signed = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            signed[i] = links.Sign(ids[i].Item1, ids[i].Item2, ids[i].Item3, expires); // warm-up, and the links checked below
        }

        var parts = signed.Select(Parts).ToArray();
        var sign = Measure(count, i => links.Sign(ids[i % ids.Length].Item1, ids[i % ids.Length].Item2, ids[i % ids.Length].Item3, expires));
        var check = Measure(count, i =>
        {
            var p = parts[i % parts.Length];
            return links.Check(p[0], p[1], p[2], p[3], p[4], p[5], p[6]) is LinkCheck.Valid ? "" : throw new InvalidOperationException("A link did not verify.");
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {count:N0} links on one thread, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| signed | {sign:N0} per second | {1e6 / sign:F2} µs each |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| checked | {check:N0} per second | {1e6 / check:F2} µs each |"));
        return Task.FromResult(0);
    }

    private static double Measure(int count, Func<int, string> work)
    {
        var started = Stopwatch.GetTimestamp();
        var length = 0L;
        for (var i = 0; i < count; i++)
        {
            length += work(i).Length;
        }

        GC.KeepAlive(length);
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static string[] Parts(string link)
    {
        var uri = new Uri(new Uri("http://localhost"), link);
        var segments = uri.AbsolutePath.Split('/');
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        return [segments[2], segments[3], query["buyer"]!, query["issued"]!, query["expires"]!, query["key"]!, query["sig"]!];
    }
}
