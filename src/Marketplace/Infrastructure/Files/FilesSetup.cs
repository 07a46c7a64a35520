using Marketplace.Infrastructure.Postgres;
using Microsoft.Extensions.Options;

namespace Marketplace.Infrastructure.Files;

public static class FilesSetup
{
    /// <summary>How old a temporary upload must be for the start-up sweep to take it for the leftover of a crash.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    /// <summary>
    /// <see cref="FileLimits"/> from <c>Files</c>, with the temporary folder defaulting to <c>uploads</c> under the
    /// app's data folder; <see cref="UploadStaging"/> and <see cref="UntrustedFiles"/>; and a sweep at start-up of
    /// temporary files a crash left behind (disposal removes them otherwise).
    /// </summary>
    public static void AddMarketplaceFiles(this WebApplicationBuilder builder)
    {
        var defaultFolder = Path.Combine(PostgresSetup.DataFolder(builder), "uploads");
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<FileLimits>().BindConfiguration(FileLimits.Section).PostConfigure(limits =>
            limits.TempPath = limits.TempPath is { Length: > 0 } configured ? Path.GetFullPath(configured, contentRoot) : defaultFolder);
        builder.Services.AddSingleton<UploadStaging>();
        builder.Services.AddSingleton<UploadSlots>();
        builder.Services.AddSingleton<UntrustedFiles>();
        builder.Services.AddHostedService<StaleUploadSweep>();
    }

    private sealed class StaleUploadSweep(IOptions<FileLimits> options, TimeProvider clock, ILogger<StaleUploadSweep> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var folder = new DirectoryInfo(options.Value.TempPath);
            if (!folder.Exists)
            {
                return Task.CompletedTask;
            }

            // Several nodes may share the folder: only files far older than any upload in progress are swept.
            var before = clock.GetUtcNow().UtcDateTime - StaleAfter;
            var stale = folder.EnumerateFiles("*.upload").Concat(folder.EnumerateFiles("*.nested")).Where(file => file.LastWriteTimeUtc < before);
            foreach (var file in stale)
            {
                try
                {
                    file.Delete();
                    logger.LogInformation("Deleted {File}, a temporary upload left behind", file.Name);
                }
                catch (IOException exception)
                {
                    logger.LogWarning("Could not delete the temporary upload {File}: {Reason}", file.Name, exception.Message);
                }
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
