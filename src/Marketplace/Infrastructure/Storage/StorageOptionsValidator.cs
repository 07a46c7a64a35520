using Microsoft.Extensions.Options;

namespace Marketplace.Infrastructure.Storage;

/// <summary>Checked when the host starts: a storage setting that cannot work stops it with a sentence saying what to set.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var provider = options.Provider?.Trim();
        if (!string.IsNullOrEmpty(provider) && !options.UsesS3
            && !string.Equals(provider, StorageOptions.Disk, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider is '{provider}': use '{StorageOptions.Disk}' (the default) or '{StorageOptions.S3Provider}'.");
        }

        if (!options.UsesS3)
        {
            return ValidateOptionsResult.Success;
        }

        var s3 = options.S3;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            problems.Add("Storage:Provider is 's3' but Storage:S3:Bucket is not set: name the bucket uploads go to.");
        }

        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl)
            && (!Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            problems.Add($"Storage:S3:ServiceUrl is '{s3.ServiceUrl}', which is not an absolute http(s) address such as https://s3.example.com.");
        }

        if (string.IsNullOrWhiteSpace(s3.AccessKey) != string.IsNullOrWhiteSpace(s3.SecretKey))
        {
            problems.Add("Storage:S3:AccessKey and Storage:S3:SecretKey go together: set both, or neither for the SDK's default credentials.");
        }

        if (s3.PartSizeMegabytes is < S3StorageOptions.MinPartSizeMegabytes or > S3StorageOptions.MaxPartSizeMegabytes)
        {
            problems.Add($"Storage:S3:PartSizeMegabytes is {s3.PartSizeMegabytes}: S3 takes parts of {S3StorageOptions.MinPartSizeMegabytes} to {S3StorageOptions.MaxPartSizeMegabytes} MB here.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
