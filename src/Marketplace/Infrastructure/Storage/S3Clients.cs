using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Marketplace.Infrastructure.Storage;

/// <summary>The one way an <see cref="AmazonS3Client"/> is made from <c>Storage:S3</c> (the store's and the tests').</summary>
public static class S3Clients
{
    public static AmazonS3Client Create(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config();
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.RegionOrDefault;
            config.ForcePathStyle = options.ForcePathStyle ?? true;
            // SDK v4 adds CRC checksums to every upload and checks them on every download by default, in trailers of
            // aws-chunked bodies that S3-compatible servers often do not understand: only where the API requires one.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.RegionOrDefault);
            config.ForcePathStyle = options.ForcePathStyle ?? false;
        }

        return string.IsNullOrWhiteSpace(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey.Trim(), options.SecretKey?.Trim()), config);
    }

    /// <summary>The scheme presigned URLs must carry: the SDK makes them https unless told otherwise.</summary>
    public static Protocol ProtocolOf(S3StorageOptions options) =>
        options.ServiceUrl is { } url && url.Trim().StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;
}
