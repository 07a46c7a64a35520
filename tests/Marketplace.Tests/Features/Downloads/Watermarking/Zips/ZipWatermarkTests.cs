using System.IO.Compression;
using System.Text;
using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Downloads.Watermarking.Zips;
using Marketplace.Infrastructure.Files;
using Marketplace.Tests.Infrastructure.Files;
using Marketplace.Tests.Infrastructure.Storage;

namespace Marketplace.Tests.Features.Downloads.Watermarking.Zips;

public sealed class ZipWatermarkTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_entry_is_copied_byte_for_byte_and_the_licence_and_comment_name_the_buyer(bool dataDescriptors)
    {
        var original = Archive(dataDescriptors);
        var (result, copy) = await Engines.MarkAsync(original, FileKind.Zip);

        result.ShouldBeOfType<WatermarkResult.Marked>();
        var before = RawEntries(original);
        var after = RawEntries(copy);
        after.Count.ShouldBe(before.Count + 1);
        foreach (var (name, entry) in before)
        {
            after[name].Crc.ShouldBe(entry.Crc);
            after[name].Method.ShouldBe(entry.Method);
            after[name].Raw.ShouldBe(entry.Raw, $"{name}: local header and compressed bytes unchanged");
        }

        var licenceName = $"LICENSE-{Engines.Mark.OrderId}.txt";
        after[licenceName].Method.ShouldBe((ushort)0);
        using var archive = new ZipArchive(new MemoryStream(copy));
        archive.Comment.ShouldContain(Engines.Mark.EntitlementId.ToString());
        using var licence = new StreamReader(archive.GetEntry(licenceName)!.Open());
        var text = await licence.ReadToEndAsync();
        text.ShouldContain("Ada Lovelace <ada@example.com>");
        text.ShouldContain($"Order: {Engines.Mark.OrderId}");
        text.ShouldContain($"Entitlement: {Engines.Mark.EntitlementId}");
        foreach (var entry in archive.Entries.Where(entry => entry.FullName != licenceName))
        {
            using var content = new StreamReader(entry.Open());
            (await content.ReadToEndAsync()).ShouldStartWith($"Content of {entry.FullName}");
        }
    }

    [Fact]
    public async Task A_source_that_cannot_seek_is_buffered_and_marked_the_same()
    {
        var original = Archive(dataDescriptors: false);
        using var copy = new MemoryStream();
        var result = await Engines.Zip().WatermarkAsync(new NonSeekableStream(original), FileKind.Zip, Engines.Mark, copy, CancellationToken.None);

        result.ShouldBeOfType<WatermarkResult.Marked>();
        RawEntries(copy.ToArray())["readme.txt"].Raw.ShouldBe(RawEntries(original)["readme.txt"].Raw);
    }

    [Fact]
    public async Task A_licence_name_already_taken_gets_a_number()
    {
        var taken = $"LICENSE-{Engines.Mark.OrderId}.txt";
        var (_, copy) = await Engines.MarkAsync(HostileFiles.Zip((taken, "the seller's own"u8.ToArray())), FileKind.Zip);

        RawEntries(copy).Keys.ShouldBe([taken, $"LICENSE-{Engines.Mark.OrderId}-2.txt"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_epub_keeps_its_mimetype_first()
    {
        var (result, copy) = await Engines.MarkAsync(HostileFiles.Epub(), FileKind.Epub);

        result.ShouldBeOfType<WatermarkResult.Marked>();
        FileSignatures.KindOf(copy).ShouldBe(FileKind.Epub);
    }

    [Fact]
    public async Task An_entry_climbing_out_of_the_folder_is_refused()
    {
        var hostile = new CraftedZip().Add("readme.txt", "hello"u8.ToArray()).Add("../../etc/cron.d/evil", "* * * * * root sh"u8.ToArray()).ToArray();
        var (result, _) = await Engines.MarkAsync(hostile, FileKind.Zip);

        result.ShouldBeOfType<WatermarkResult.Refused>().Reason.ShouldBe(WatermarkRefusal.Unsupported);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public async Task A_truncated_archive_is_refused_as_damaged(double keep)
    {
        var original = Archive(dataDescriptors: false);
        var (result, _) = await Engines.MarkAsync(original[..(int)(original.Length * keep)], FileKind.Zip);

        result.ShouldBeOfType<WatermarkResult.Refused>().Reason.ShouldBe(WatermarkRefusal.Damaged);
    }

    [Fact]
    public async Task A_licence_file_is_recognised_by_name()
    {
        ZipLicence.IsLicenceName($"LICENSE-{Engines.Mark.OrderId}-3.txt").ShouldBeTrue();
        ZipLicence.IsLicenceName("docs/LICENSE.txt").ShouldBeFalse();
        await Task.CompletedTask;
    }

    /// <summary>Deflated and stored entries of mixed content; with data descriptors when written to a non-seekable stream.</summary>
    internal static byte[] Archive(bool dataDescriptors)
    {
        var bytes = new MemoryStream();
        Stream target = dataDescriptors ? new ForwardOnly(bytes) : bytes;
        using (var archive = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, level) in new[] { ("readme.txt", CompressionLevel.Optimal), ("fonts/Sans.otf", CompressionLevel.NoCompression), ("images/big.bin", CompressionLevel.Fastest) })
            {
                using var entry = archive.CreateEntry(name, level).Open();
                entry.Write(Encoding.UTF8.GetBytes($"Content of {name}\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i * 7919 % 1000} "))));
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Each entry's local header and data exactly as stored, its CRC and method, by name.</summary>
    internal static Dictionary<string, (uint Crc, ushort Method, byte[] Raw)> RawEntries(byte[] zip)
    {
        using var stream = new MemoryStream(zip);
        var (directory, refusal) = ZipDirectory.ReadDirectory(stream, 100);
        refusal.ShouldBeNull();
        return directory!.Records.ToDictionary(record => record.Name, record =>
        {
            var header = ZipDirectory.ReadAt(stream, record.LocalHeaderOffset, 30);
            var length = 30 + BitConverter.ToUInt16(header, 26) + BitConverter.ToUInt16(header, 28) + (int)record.CompressedSize;
            return (record.Crc, record.Method, ZipDirectory.ReadAt(stream, record.LocalHeaderOffset, length));
        });
    }

    /// <summary>A write-only stream that cannot seek: ZipArchive then writes data descriptors after each entry.</summary>
    private sealed class ForwardOnly(MemoryStream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
