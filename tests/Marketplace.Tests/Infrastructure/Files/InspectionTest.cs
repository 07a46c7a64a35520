using Marketplace.Infrastructure.Files;
using Marketplace.Infrastructure.Images;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests.Infrastructure.Files;

/// <summary>
/// Base of the inspector's tests: each file is written to a folder of the test's own, as a staged upload would be,
/// and inspected by the real <see cref="UntrustedFiles"/> (with the real image checks), with the default limits
/// unless a test says otherwise.
/// </summary>
public abstract class InspectionTest : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("marketplace-inspection-").FullName;

    protected async Task<FileInspection> InspectAsync(byte[] content, string name, FileLimits? limits = null)
    {
        var path = Path.Combine(Folder, $"{Guid.CreateVersion7():N}.upload");
        await File.WriteAllBytesAsync(path, content);
        var images = new UntrustedImages(Options.Create(new ImageLimits()), NullLogger<UntrustedImages>.Instance);
        var files = new UntrustedFiles(Options.Create(limits ?? new FileLimits()), images, NullLogger<UntrustedFiles>.Instance);
        var inspection = await files.InspectAsync(path, name, CancellationToken.None);
        Directory.GetFiles(Folder).ShouldBe([path], "inspecting leaves nothing beside the upload");
        return inspection;
    }

    protected async Task<FileInspection.Accepted> AcceptedAsync(byte[] content, string name, FileLimits? limits = null)
    {
        var inspection = await InspectAsync(content, name, limits);
        return inspection.ShouldBeOfType<FileInspection.Accepted>(
            inspection is FileInspection.Refused refused ? refused.Message : null);
    }

    protected async Task<string> RefusalAsync(byte[] content, string name, FileLimits? limits = null)
    {
        var inspection = await InspectAsync(content, name, limits);
        return inspection.ShouldBeOfType<FileInspection.Refused>().Message;
    }

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
