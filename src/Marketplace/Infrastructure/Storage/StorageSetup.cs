using Marketplace.Infrastructure.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Marketplace.Infrastructure.Storage;

/// <summary>
/// Registers the one <see cref="IBlobStore"/>: a folder on disk (the default) or an S3 bucket, per
/// <c>Storage:Provider</c>. Settings that cannot work stop the host at start-up (<see cref="StorageOptionsValidator"/>).
/// </summary>
public static class StorageSetup
{
    /// <summary>The disk store's folder inside the app's data folder when <c>Storage:Path</c> is empty.</summary>
    public const string DefaultFolderName = "blobs";

    public static void AddMarketplaceStorage(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var defaultFolder = Path.Combine(PostgresSetup.DataFolder(builder), DefaultFolderName);
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .PostConfigure(options => options.Path = string.IsNullOrWhiteSpace(options.Path)
                ? defaultFolder
                : Path.GetFullPath(options.Path, contentRoot))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IBlobStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.UsesS3
                ? new S3BlobStore(options.S3, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<S3BlobStore>>())
                : new DiskBlobStore(options.Path!);
        });
    }
}
