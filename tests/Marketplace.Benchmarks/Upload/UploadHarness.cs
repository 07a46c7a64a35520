using System.Diagnostics;
using System.Globalization;
using System.Net;
using Marketplace.Benchmarks.Catalog;
using Marketplace.Benchmarks.Intake;
using Marketplace.Features.Catalog;
using Marketplace.Features.Payouts;

namespace Marketplace.Benchmarks.Upload;

/// <summary>
/// <c>dotnet run -c Release --project tests/Marketplace.Benchmarks -- upload [--mib 1024] [--entries 8]</c>: the demo seller
/// uploads a ZIP of <c>--mib</c> MiB, made while it is sent, to a new draft product of their shop through
/// <c>POST /api/products/{id}/files</c> of the app (child process), while the app's resident set is read every 20 ms:
/// its growth over the idle baseline, while the body arrives and while it is inspected and stored. See docs/performance.md.
/// </summary>
public static class UploadHarness
{
    private const double MiB = 1024 * 1024;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var mib = long.Parse(Option(args, "--mib", "1024"), CultureInfo.InvariantCulture);
        var entries = int.Parse(Option(args, "--entries", "8"), CultureInfo.InvariantCulture);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using var app = await MarketplaceProcess.StartAsync(probe);
        using var seller = await SellerApi.SignInAsync(app.BaseAddress, "seller@marketplace.localhost");
        var shop = await seller.EnsureShopAsync("", DemoShop.Slug, "", openedBySeed: true);
        var product = await seller.CreateProductAsync(shop.Id, $"Footage pack {DateTime.UtcNow:yyyy-MM-dd HH.mm.ss}",
            "Eight clips of 4K footage in one ZIP, stored as they are.", 2900);

        // The same route once with a small archive first, so that what the first upload compiles and allocates once
        // (the JIT, the multipart reader, the blob store) is in the baseline and not counted as the upload's.
        var (warmStatus, warmFile) = await UploadAsync(seller, product.Id, Archive(entries, 1));
        await DeleteAsync(seller, product.Id, warmStatus, warmFile);
        await Task.Delay(Idle);

        var zip = Archive(entries, mib);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// upload: a ZIP of {entries} stored entries of random bytes, {zip.Length:N0} bytes " +
            $"({zip.Length / MiB:F0} MiB), made while it is sent, to product {product.Id}; load average {IntakeReport.LoadAverage()}"));
        using var appRss = new RssSampler(app.ProcessId, Interval);
        using var harnessRss = new RssSampler(Environment.ProcessId, Interval);
        appRss.Start();
        harnessRss.Start();
        await Task.Delay(Idle);
        var started = Stopwatch.GetTimestamp();
        var (status, body) = await UploadAsync(seller, product.Id, zip);
        var answered = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (appSamples, harnessSamples) = (appRss.Stop(), harnessRss.Stop());

        var sent = zip.FinishedTimestamp;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// answered {(int)status} after {Seconds(started, answered):F1} s: the body sent in {Seconds(started, sent):F1} s " +
            $"({zip.Length / MiB / Seconds(started, sent):F0} MiB/s), then {Seconds(sent, answered):F1} s until the answer (inspection, storage, the record)"));
        Console.WriteLine($"// {body}");
        Console.WriteLine($"// load average at the end {IntakeReport.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| process | samples | idle before (MiB) | peak while the body arrives (MiB) | peak after the last byte (MiB) | growth at the peak (MiB) | 1 s after the answer (MiB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var growth = Row("app", appSamples, started, sent, answered);
        Row("harness (the client)", harnessSamples, started, sent, answered);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// the app's peak RSS growth: {growth:F1} MiB ({growth * MiB / 1e6:F1} MB); goal under 64 MB: {(growth * MiB < 64e6 ? "met" : "missed")}"));
        await DeleteAsync(seller, product.Id, status, body);
        return status == HttpStatusCode.Created ? 0 : 1;
    }

    private static StreamedZipContent Archive(int entries, long mib)
    {
        var total = mib * 1024 * 1024;
        return new StreamedZipContent(Enumerable.Range(1, entries).Select(i =>
            ($"footage/clip-{i:D2}.mp4", (total / entries) + (i == entries ? total % entries : 0))));
    }

    private static async Task<(HttpStatusCode Status, string Body)> UploadAsync(SellerApi seller, Guid productId, StreamedZipContent zip)
    {
        using var form = new MultipartFormDataContent();
        form.Add(zip, "file", "footage-pack.zip");
        using var response = await seller.Client.PostAsync($"api/products/{productId}/files", form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Removes the uploaded file again (its blob is deleted after the commit), so that runs do not fill the disk.</summary>
    private static async Task DeleteAsync(SellerApi seller, Guid productId, HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.Created)
        {
            throw new HttpRequestException($"The upload answered {(int)status}: {body}");
        }

        var file = System.Text.Json.JsonSerializer.Deserialize<ProductFileUploads.Uploaded>(body, System.Text.Json.JsonSerializerOptions.Web)!;
        using var deleted = await seller.Client.DeleteAsync($"api/products/{productId}/files/{file.FileId}");
        await SellerApi.EnsureAsync(deleted, HttpStatusCode.NoContent);
    }

    /// <summary>Prints one process's row; answers its growth at the peak over the idle median, in MiB.</summary>
    private static double Row(string process, IReadOnlyList<RssSample> samples, long started, long sent, long answered)
    {
        long[] idle = [.. samples.Where(s => s.Timestamp < started).Select(s => s.Bytes).Order()];
        var baseline = idle[idle.Length / 2];
        var receiving = samples.Where(s => s.Timestamp >= started && s.Timestamp <= sent).Select(s => s.Bytes).DefaultIfEmpty(0).Max();
        var after = samples.Where(s => s.Timestamp > sent && s.Timestamp <= answered).Select(s => s.Bytes).DefaultIfEmpty(0).Max();
        var growth = (Math.Max(receiving, after) - baseline) / MiB;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {process} | {samples.Count} | {baseline / MiB:F1} | {receiving / MiB:F1} | " +
            $"{after / MiB:F1} | {growth:F1} | {samples[^1].Bytes / MiB:F1} |"));
        return growth;
    }

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
