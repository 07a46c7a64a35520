using System.Diagnostics;
using System.Globalization;
using Marketplace.Benchmarks.Intake;
using Marketplace.Benchmarks.Upload;
using Marketplace.Features.Downloads.Forensics;
using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Downloads.Watermarking.Images;
using Marketplace.Features.Downloads.Watermarking.Pdfs;
using Marketplace.Infrastructure.Files;
using Marketplace.Infrastructure.Images;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Marketplace.Benchmarks.Watermark;

/// <summary>
/// <c>watermark [--runs 5]</c>: marks a 12-megapixel JPEG and a 300-page PDF with the app's engines in this
/// process, one warm-up and then <c>--runs</c> measured runs each, the copy written to a temporary file. Per run:
/// wall time, and peak RSS growth over the RSS just before it (after a full GC), sampled every 5 ms. Then the time
/// to trace the marked JPEG (the fingerprint search).
/// </summary>
public static class WatermarkHarness
{
    private static readonly LicenseMark Mark = new(Guid.NewGuid(), Guid.NewGuid(), "Ada Lovelace", "ada@example.com", "Benchmark product");

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = int.Parse(Option(args, "--runs", "5"), CultureInfo.InvariantCulture);
        var images = new UntrustedImages(Options.Create(new ImageLimits()), NullLogger<UntrustedImages>.Instance);
        var options = Options.Create(new WatermarkingOptions { FingerprintKey = "benchmark-key" });
        var jpeg = WatermarkInputs.Jpeg(4000, 3000);
        var pdf = WatermarkInputs.Pdf(300);
        Console.WriteLine($"// watermark: JPEG 4000×3000 ({jpeg.Length:N0} bytes), PDF 300 pages ({pdf.Length:N0} bytes); " +
            $"{runs} runs after one warm-up; load average {IntakeReport.LoadAverage()}");
        Console.WriteLine("| file | median | min | max | peak RSS growth (max of runs) | runs in order (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var marked = await MeasureAsync("12 MP JPEG", jpeg, FileKind.Jpeg, new ImageWatermarker(images, options), runs);
        await MeasureAsync("300-page PDF", pdf, FileKind.Pdf, new PdfWatermarker(), runs);

        var tracer = new LeakTracer(images, options, Options.Create(new FileLimits()));
        var started = Stopwatch.GetTimestamp();
        var traced = await tracer.TraceAsync(new MemoryStream(marked), CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// trace of the marked 12 MP JPEG: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms, {traced}"));
        return traced is TraceResult.Found found && found.EntitlementId == Mark.EntitlementId ? 0 : 1;
    }

    private static async Task<byte[]> MeasureAsync(string name, byte[] file, FileKind kind, IWatermarker engine, int runs)
    {
        var times = new List<double>();
        long peak = 0;
        var output = Path.GetTempFileName();
        try
        {
            for (var run = 0; run <= runs; run++)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                var baseline = RssSampler.Read(Environment.ProcessId);
                using var sampler = new RssSampler(Environment.ProcessId, TimeSpan.FromMilliseconds(5));
                sampler.Start();
                var started = Stopwatch.GetTimestamp();
                await using (var destination = new FileStream(output, FileMode.Create, FileAccess.Write))
                {
                    var result = await engine.WatermarkAsync(new MemoryStream(file), kind, Mark, destination, CancellationToken.None);
                    if (result is not WatermarkResult.Marked)
                    {
                        throw new InvalidOperationException($"{name}: {result}");
                    }
                }

                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var samples = sampler.Stop();
                if (run > 0)
                {
                    times.Add(elapsed);
                    peak = Math.Max(peak, samples.Max(sample => sample.Bytes) - baseline);
                }
            }

            var inOrder = string.Join(", ", times.Select(time => time.ToString("F0", CultureInfo.InvariantCulture)));
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {times[times.Count / 2]:F0} ms | {times[0]:F0} ms | {times[^1]:F0} ms | {peak / 1048576.0:F0} MiB | {inOrder} |"));
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string Option(string[] args, string name, string fallback) =>
        args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault() ?? fallback;
}
