using Marketplace.Infrastructure.Storage;

namespace Marketplace.Tests.Infrastructure.Storage;

/// <summary>The blob store contract on a folder of its own per test, and what only the disk store does.</summary>
public sealed class DiskBlobStoreTests : BlobStoreContract
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mp-blobs-");

    protected override Task<IBlobStore> CreateEmptyStoreAsync() => Task.FromResult<IBlobStore>(new DiskBlobStore(Path.Combine(_root.FullName, "store")));

    protected override Task<IReadOnlyList<string>> EverythingStoredAsync()
    {
        var root = Path.Combine(_root.FullName, "store");
        IReadOnlyList<string> files = Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(root, file))]
            : [];
        return Task.FromResult(files);
    }

    public override Task DisposeAsync()
    {
        _root.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_folder_that_cannot_be_made_is_a_problem_named_for_readiness()
    {
        var notAFolder = Path.Combine(_root.FullName, "a-file");
        await File.WriteAllTextAsync(notAFolder, "occupied");

        var problem = await new DiskBlobStore(notAFolder).ProblemAsync(CancellationToken.None);

        problem.ShouldNotBeNull().ShouldContain(notAFolder);
    }

    [Fact]
    public async Task The_local_path_is_the_file_holding_the_blobs_bytes()
    {
        await Store.PutAsync("products/p1/files/f1", Upload("served by sendfile"), "text/plain", CancellationToken.None);

        var path = Store.LocalPath("products/p1/files/f1").ShouldNotBeNull();

        path.ShouldBe(Path.Combine(_root.FullName, "store", "products", "p1", "files", "f1"));
        (await File.ReadAllTextAsync(path)).ShouldBe("served by sendfile");
    }

    [Fact]
    public async Task The_disk_store_signs_no_urls() =>
        (await Store.PresignReadAsync("products/p1/files/f1", TimeSpan.FromMinutes(5), "font.zip", "application/zip")).ShouldBeNull();

    [Fact]
    public async Task Blobs_are_files_under_the_root_beside_their_content_type()
    {
        await Store.PutAsync("a/b", Upload("x"), "font/woff2", CancellationToken.None);

        (await EverythingStoredAsync()).Order().ShouldBe([Path.Combine("a", ".b.content-type"), Path.Combine("a", "b")]);
    }
}
