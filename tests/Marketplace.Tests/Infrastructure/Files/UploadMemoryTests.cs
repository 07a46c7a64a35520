using System.Globalization;

namespace Marketplace.Tests.Infrastructure.Files;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    /// <summary>Tests that measure the process (its memory) run with no other test beside them.</summary>
    public const string Name = "alone";
}

/// <summary>
/// A 1 GiB upload through Kestrel and the staging step grows the process's peak resident memory by less than 64 MB:
/// it is streamed to disk, never held. Measured with Linux's peak RSS (VmHWM), reset just before the upload.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class UploadMemoryTests
{
    private const long MaxGrowth = 64 * HostileFiles.MiB;

    [Fact]
    public async Task A_1_GiB_upload_grows_peak_memory_by_less_than_64_MB()
    {
        await using var server = await StagingServer.StartAsync(maxBytes: 2 * HostileFiles.GiB);
        await WarmUpAsync(server);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await File.WriteAllTextAsync("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS
        var before = Status("VmHWM");

        using var response = await server.PostAsync(MultipartUpload.File("course.mp4", new GeneratedStream(HostileFiles.GiB)));

        var growth = Status("VmHWM") - before;
        (await StagingServer.ReceivedAsync(response)).Length.ShouldBe(HostileFiles.GiB);
        growth.ShouldBeLessThan(MaxGrowth, $"peak RSS grew by {growth / HostileFiles.MiB} MB");
    }

    /// <summary>One small upload first, so the growth measured is the upload's, not the first request's JIT and pools.</summary>
    private static async Task WarmUpAsync(StagingServer server)
    {
        using var response = await server.PostAsync(MultipartUpload.File("warm-up.bin", new GeneratedStream(4 * HostileFiles.MiB)));
        await StagingServer.ReceivedAsync(response);
        await server.NextOutcomeAsync();
    }

    /// <summary>A memory figure of /proc/self/status, in bytes.</summary>
    private static long Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
