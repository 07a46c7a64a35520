using Amazon.S3;
using Marketplace.Infrastructure.Storage;

namespace Marketplace.Tests.Infrastructure.Storage;

/// <summary>One <see cref="S3rverServer"/> for a test class; each test asks for an empty bucket of its own.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    private S3rverServer? _server;

    public AmazonS3Client Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await S3rverServer.StartAsync();
        Client = S3Clients.Create(OptionsFor("unused"));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The store's settings for <paramref name="bucket"/>, as an operator would write them for an S3-compatible server.</summary>
    public S3StorageOptions OptionsFor(string bucket) => new()
    {
        ServiceUrl = _server!.ServiceUrl.ToString(),
        Bucket = bucket,
        AccessKey = S3rverServer.AccessKey,
        SecretKey = S3rverServer.SecretKey,
        PartSizeMegabytes = S3StorageOptions.MinPartSizeMegabytes,
    };

    public async Task<string> CreateBucketAsync()
    {
        var bucket = $"test-{Guid.NewGuid():N}";
        await Client.PutBucketAsync(bucket);
        return bucket;
    }
}
