using System.Security.Cryptography;
using System.Text;
using Marketplace.Infrastructure.Storage;

namespace Marketplace.Tests.Infrastructure.Storage;

/// <summary>
/// What every <see cref="IBlobStore"/> does, run against each store by a class of its own. Each test starts with an
/// empty store (a folder, a bucket) so that <see cref="EverythingStoredAsync"/> shows what it left behind.
/// </summary>
public abstract partial class BlobStoreContract : IAsyncLifetime
{
    /// <summary>The S3 store's part size in these tests (S3's smallest), so that a few megabytes make several parts.</summary>
    protected const int PartSize = S3StorageOptions.MinPartSizeMegabytes * 1024 * 1024;

    protected static readonly CancellationToken None = CancellationToken.None;

    protected IBlobStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateEmptyStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IBlobStore> CreateEmptyStoreAsync();

    /// <summary>Every name the store holds: blobs, files or parts of its own, uploads in progress.</summary>
    protected abstract Task<IReadOnlyList<string>> EverythingStoredAsync();

    [Fact]
    public async Task A_blob_comes_back_with_its_bytes_and_content_type()
    {
        var put = await Store.PutAsync("products/p1/files/f1", Upload("Hello, buyers."), "text/plain; charset=utf-8", None);

        put.ShouldBe(put with { Key = "products/p1/files/f1", Size = 14, ContentType = "text/plain; charset=utf-8" });
        (await ReadAsync("products/p1/files/f1")).ShouldBe("Hello, buyers."u8.ToArray());
        var stat = (await Store.StatAsync("products/p1/files/f1", None)).ShouldNotBeNull();
        (stat.Key, stat.Size, stat.ContentType).ShouldBe(("products/p1/files/f1", 14L, "text/plain; charset=utf-8"));
        stat.LastModified.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(PartSize - 1)]
    [InlineData(PartSize)]
    [InlineData(PartSize + 1)]
    [InlineData(2 * PartSize)]
    public async Task Blobs_of_every_size_around_a_part_come_back_whole(int size)
    {
        var put = await Store.PutAsync("sizes/blob", new GeneratedStream(size), "application/octet-stream", None);

        put.Size.ShouldBe(size);
        (await Store.StatAsync("sizes/blob", None)).ShouldNotBeNull().Size.ShouldBe(size);
        Convert.ToHexString(SHA256.HashData(await ReadAsync("sizes/blob"))).ShouldBe(await GeneratedStream.Sha256Async(size));
    }

    [Fact]
    public async Task A_large_blob_streams_through_in_parts_and_comes_back_whole()
    {
        const long size = 48L * 1024 * 1024 + 12_345; // ten parts, the last one short

        var put = await Store.PutAsync("large/blob.bin", new GeneratedStream(size), "application/zip", None);

        put.Size.ShouldBe(size);
        await using var read = (await Store.OpenReadAsync("large/blob.bin", None)).ShouldNotBeNull();
        Convert.ToHexString(await SHA256.HashDataAsync(read)).ShouldBe(await GeneratedStream.Sha256Async(size));
        (await ReadAsync("large/blob.bin", PartSize - 3, PartSize + 2)).ShouldBe(GeneratedStream.Bytes(PartSize - 3, 6));
        (await ReadAsync("large/blob.bin", size - 10, null)).ShouldBe(GeneratedStream.Bytes(size - 10, 10));
    }

    [Fact]
    public async Task Ranged_reads_return_the_bytes_asked_for_within_the_blob()
    {
        await Store.PutAsync("ranges/blob", new GeneratedStream(1000), "application/pdf", None);

        (await ReadAsync("ranges/blob", 0, 0)).ShouldBe(GeneratedStream.Bytes(0, 1));
        (await ReadAsync("ranges/blob", 10, 19)).ShouldBe(GeneratedStream.Bytes(10, 10));
        (await ReadAsync("ranges/blob", 990, null)).ShouldBe(GeneratedStream.Bytes(990, 10));
        (await ReadAsync("ranges/blob", 990, 5000)).ShouldBe(GeneratedStream.Bytes(990, 10));
        (await ReadAsync("ranges/blob", 0, null)).ShouldBe(GeneratedStream.Bytes(0, 1000));
        (await ReadAsync("ranges/blob", 1000, null)).ShouldBeEmpty();
        (await ReadAsync("ranges/blob", 5000, 6000)).ShouldBeEmpty();
        (await Store.OpenReadAsync("ranges/missing", 0, 9, None)).ShouldBeNull();
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.OpenReadAsync("ranges/blob", -1, null, None));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.OpenReadAsync("ranges/blob", 10, 9, None));
    }

    [Fact]
    public async Task A_put_replaces_the_blob_under_its_key()
    {
        await Store.PutAsync("covers/c1", Upload("first version"), "text/plain", None);

        await Store.PutAsync("covers/c1", Upload("second"), "image/png", None);

        (await ReadAsync("covers/c1")).ShouldBe("second"u8.ToArray());
        var stat = (await Store.StatAsync("covers/c1", None)).ShouldNotBeNull();
        (stat.Size, stat.ContentType).ShouldBe((6L, "image/png"));
    }

    [Fact]
    public async Task A_deleted_blob_is_gone_and_deleting_it_again_is_no_error()
    {
        await Store.PutAsync("gone/blob", Upload("bytes"), "text/plain", None);

        await Store.DeleteAsync("gone/blob", None);
        await Store.DeleteAsync("gone/blob", None);
        await Store.DeleteAsync("never/was", None);

        (await Store.StatAsync("gone/blob", None)).ShouldBeNull();
        (await Store.OpenReadAsync("gone/blob", None)).ShouldBeNull();
        (await EverythingStoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_key_has_no_blob()
    {
        (await Store.StatAsync("missing/blob", None)).ShouldBeNull();
        (await Store.OpenReadAsync("missing/blob", None)).ShouldBeNull();
        (await Store.OpenReadAsync("missing/blob", 5, null, None)).ShouldBeNull();
    }

    [Theory]
    [InlineData("a")]
    [InlineData("products/0193b3c4-7e1f-7abc-8def-0123456789ab/files/source.v2_final-1.zip")]
    [InlineData("9/8/7")]
    public async Task Keys_of_lowercase_segments_are_taken(string key)
    {
        await Store.PutAsync(key, Upload("x"), "text/plain", None);

        (await ReadAsync(key)).ShouldBe("x"u8.ToArray());
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("./a")]
    [InlineData("a/.hidden")]
    [InlineData("a..b")]
    [InlineData("a\0b")]
    [InlineData("a\nb")]
    [InlineData("Products/x")]
    [InlineData("with space")]
    [InlineData("a\\b")]
    [InlineData("é")]
    [InlineData("")]
    public async Task Hostile_keys_are_refused_and_nothing_is_written(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(key, Upload("x"), "text/plain", None));
        await Should.ThrowAsync<ArgumentException>(() => Store.OpenReadAsync(key, None));
        await Should.ThrowAsync<ArgumentException>(() => Store.OpenReadAsync(key, 0, 1, None));
        await Should.ThrowAsync<ArgumentException>(() => Store.StatAsync(key, None));
        await Should.ThrowAsync<ArgumentException>(() => Store.DeleteAsync(key, None));
        await Should.ThrowAsync<ArgumentException>(() => Store.PresignReadAsync(key, TimeSpan.FromMinutes(5), "x.txt", "text/plain"));
        Should.Throw<ArgumentException>(() => Store.LocalPath(key));
        (await EverythingStoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_overlong_key_is_refused() =>
        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(new string('a', BlobKeys.MaxLength + 1), Upload("x"), "text/plain", None));

    protected static Stream Upload(string text) => new NonSeekableStream(Encoding.UTF8.GetBytes(text));

    protected async Task<byte[]> ReadAsync(string key)
    {
        await using var stream = (await Store.OpenReadAsync(key, None)).ShouldNotBeNull();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task<byte[]> ReadAsync(string key, long from, long? to)
    {
        await using var stream = (await Store.OpenReadAsync(key, from, to, None)).ShouldNotBeNull();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
