using Marketplace.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests.Infrastructure.Storage;

/// <summary>Which store <c>Storage:*</c> makes, where the disk store keeps its files, and the settings that stop the host.</summary>
public sealed class StorageSetupTests : IDisposable
{
    private readonly DirectoryInfo _contentRoot = Directory.CreateTempSubdirectory("mp-content-");

    public void Dispose() => _contentRoot.Delete(recursive: true);

    [Fact]
    public void Without_settings_blobs_are_files_in_the_apps_data_folder() =>
        StoreWith().ShouldBeOfType<DiskBlobStore>().Root.ShouldBe(Path.Combine(_contentRoot.FullName, ".data", "blobs"));

    [Fact]
    public void The_data_path_moves_the_blobs_with_the_rest_of_the_data() =>
        StoreWith(("Marketplace:DataPath", "/var/lib/marketplace"))
            .ShouldBeOfType<DiskBlobStore>().Root.ShouldBe("/var/lib/marketplace/blobs");

    [Theory]
    [InlineData("files", "files")]
    [InlineData("/srv/shared/files", "/srv/shared/files")]
    public void A_storage_path_is_taken_relative_to_the_content_root(string configured, string expected) =>
        StoreWith(("Storage:Provider", "disk"), ("Storage:Path", configured))
            .ShouldBeOfType<DiskBlobStore>().Root.ShouldBe(Path.Combine(_contentRoot.FullName, expected));

    [Fact]
    public void The_s3_provider_makes_an_s3_store() =>
        StoreWith(("Storage:Provider", "S3"), ("Storage:S3:Bucket", "marketplace-files"), ("Storage:S3:Region", "eu-west-1"))
            .ShouldBeOfType<S3BlobStore>();

    [Theory]
    [InlineData("Storage:Provider", "azure", "Storage:Provider is 'azure': use 'disk' (the default) or 's3'.")]
    [InlineData("Storage:S3:Bucket", "", "Storage:Provider is 's3' but Storage:S3:Bucket is not set")]
    [InlineData("Storage:S3:ServiceUrl", "minio:9000", "Storage:S3:ServiceUrl is 'minio:9000', which is not an absolute http(s) address")]
    [InlineData("Storage:S3:SecretKey", "", "Storage:S3:AccessKey and Storage:S3:SecretKey go together")]
    [InlineData("Storage:S3:PartSizeMegabytes", "4", "Storage:S3:PartSizeMegabytes is 4")]
    public async Task A_setting_that_cannot_work_stops_the_host_at_start_saying_what_to_set(string key, string value, string message)
    {
        await using var app = Build(
            ("Storage:Provider", "s3"), ("Storage:S3:Bucket", "files"), ("Storage:S3:ServiceUrl", "http://127.0.0.1:9000"),
            ("Storage:S3:AccessKey", "key"), ("Storage:S3:SecretKey", "secret"), (key, value));

        (await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync())).Message.ShouldContain(message);
    }

    [Fact]
    public async Task A_complete_s3_configuration_starts()
    {
        await using var app = Build(
            ("Storage:Provider", "s3"), ("Storage:S3:Bucket", "files"), ("Storage:S3:ServiceUrl", "http://127.0.0.1:9000"),
            ("Storage:S3:AccessKey", "key"), ("Storage:S3:SecretKey", "secret"));

        await app.StartAsync();
        await app.StopAsync();
    }

    private IBlobStore StoreWith(params (string Key, string? Value)[] settings)
    {
        using var app = Build(settings);
        return app.Services.GetRequiredService<IBlobStore>();
    }

    private WebApplication Build(params (string Key, string? Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = _contentRoot.FullName });
        var configuration = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
        {
            configuration[key] = value; // a later setting overrides an earlier one
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.UseTestServer();
        builder.AddMarketplaceStorage();
        return builder.Build();
    }
}
