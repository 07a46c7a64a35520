using System.Diagnostics;
using System.IO.Compression;
using Marketplace.Infrastructure.Files;

namespace Marketplace.Tests.Infrastructure.Files;

/// <summary>
/// ZIPs and EPUBs: names that would unpack outside their folder, links, passwords, and bombs, flat, nested or lying
/// about their sizes, each refused in a fraction of the time unpacking it would take.
/// </summary>
public sealed class ArchiveInspectionTests : InspectionTest
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_normal_zip_is_accepted_with_its_entry_count_and_unpacked_size()
    {
        var accepted = await AcceptedAsync(HostileFiles.SmallZip(), "bundle.zip");

        accepted.Kind.ShouldBe(FileKind.Zip);
        accepted.ContentType.ShouldBe("application/zip");
        accepted.Details.Entries.ShouldBe(2);
        accepted.Details.UnpackedBytes.ShouldBe(32);
    }

    [Theory]
    [InlineData("novel.epub")]
    [InlineData("novel.zip")]
    public async Task An_epub_is_recognised_as_a_book_and_checked_as_an_archive(string name)
    {
        var accepted = await AcceptedAsync(HostileFiles.Epub(), name);

        accepted.Kind.ShouldBe(FileKind.Epub);
        accepted.ContentType.ShouldBe("application/epub+zip");
        accepted.Details.Entries.ShouldBe(3);
    }

    [Fact]
    public async Task A_zip_holding_a_zip_is_accepted_and_counts_the_inner_entries()
    {
        var accepted = await AcceptedAsync(HostileFiles.NestedZip(depth: 2), "bundle.zip");

        accepted.Details.Entries.ShouldBe(2);
    }

    [Theory]
    [InlineData("../../home/seller/.bashrc", "climbs out of its folder")]
    [InlineData("assets/../../escape.txt", "climbs out of its folder")]
    [InlineData("..\\..\\Windows\\win.ini", "climbs out of its folder")]
    [InlineData("/etc/cron.d/job", "absolute path")]
    [InlineData("\\\\server\\share\\file", "absolute path")]
    [InlineData("C:/Users/Public/evil.txt", "absolute path")]
    [InlineData("c:evil.txt", "absolute path")]
    [InlineData("readme\0.txt.exe", "control characters")]
    [InlineData("invoice\u202Efdp.exe", "control characters")]
    public async Task An_entry_name_that_would_unpack_outside_its_folder_or_disguise_itself_is_refused(string name, string reason)
    {
        var zip = new CraftedZip().Add("fine.txt", "ok"u8.ToArray()).Add(name, "payload"u8.ToArray()).ToArray();

        (await RefusalAsync(zip, "bundle.zip")).ShouldContain(reason);
    }

    [Fact]
    public async Task A_symbolic_link_entry_is_refused()
    {
        var link = new CraftedZip().Add("notes", "/etc/passwd"u8.ToArray(), externalAttributes: 0xA1FFu << 16).ToArray();

        (await RefusalAsync(link, "bundle.zip")).ShouldContain("symbolic link");
    }

    [Fact]
    public async Task A_password_protected_zip_is_refused_because_its_content_cannot_be_checked()
    {
        var encrypted = new CraftedZip().Add("secret.txt", HostileFiles.Noise(64), flags: 1).ToArray();

        (await RefusalAsync(encrypted, "bundle.zip")).ShouldContain("password-protected");
    }

    [Fact]
    public async Task A_zip_bomb_of_4_GiB_is_refused_from_its_headers_at_once()
    {
        var bomb = HostileFiles.ZipBomb();
        bomb.Length.ShouldBeLessThan(8 * (int)HostileFiles.MiB);

        var clock = Stopwatch.StartNew();
        var message = await RefusalAsync(bomb, "bundle.zip");

        message.ShouldContain("decompression bombs");
        clock.Elapsed.ShouldBeLessThan(Quickly);
    }

    [Fact]
    public async Task A_zip_bomb_past_the_unpacked_limit_is_refused_even_when_each_entry_compresses_plausibly()
    {
        var limits = new FileLimits { MaxUnpackedBytes = 3 * HostileFiles.MiB };
        var zip = HostileFiles.Zip(("a.bin", HostileFiles.Noise(1_500_000)), ("b.bin", HostileFiles.Noise(1_500_000)), ("c.bin", HostileFiles.Noise(1_500_000)));

        (await RefusalAsync(zip, "bundle.zip", limits)).ShouldContain("unpacks to more than 3 MB");
    }

    [Fact]
    public async Task An_entry_that_inflates_past_its_declared_size_is_stopped_right_there()
    {
        // Declares 50 MiB (a ratio of 50, under the limit) and would inflate to 1 GiB.
        var bomb = HostileFiles.LyingZipBomb(declared: 50 * HostileFiles.MiB);

        var clock = Stopwatch.StartNew();
        var message = await RefusalAsync(bomb, "bundle.zip");

        message.ShouldContain("damaged");
        clock.Elapsed.ShouldBeLessThan(Quickly);
    }

    [Fact]
    public async Task A_nested_zip_bomb_is_refused_inside_its_inner_archives()
    {
        var bomb = HostileFiles.NestedZipBomb();
        bomb.Length.ShouldBeLessThan((int)HostileFiles.MiB * 8);

        var clock = Stopwatch.StartNew();
        var message = await RefusalAsync(bomb, "bundle.zip");

        message.ShouldContain("decompression bombs");
        clock.Elapsed.ShouldBeLessThan(Quickly);
    }

    [Fact]
    public async Task Nested_archives_count_toward_the_same_unpacked_total()
    {
        var limits = new FileLimits { MaxUnpackedBytes = 4 * HostileFiles.MiB };
        var inner = HostileFiles.Zip(("part.bin", HostileFiles.Noise(1_000_000)));
        var zip = HostileFiles.Zip(("one.zip", inner), ("two.zip", inner), ("three.zip", inner));

        (await RefusalAsync(zip, "bundle.zip", limits)).ShouldContain("unpacks to more than 4 MB");
    }

    [Fact]
    public async Task Archives_nested_deeper_than_the_limit_are_refused()
    {
        (await RefusalAsync(HostileFiles.NestedZip(depth: 3), "bundle.zip")).ShouldContain("nested more than 1 deep");
    }

    [Fact]
    public async Task A_zip_with_more_entries_than_the_limit_is_refused_before_its_directory_is_read()
    {
        var entries = Enumerable.Range(0, 11).Select(i => ($"file-{i}.txt", "x"u8.ToArray())).ToArray();

        (await RefusalAsync(HostileFiles.Zip(entries), "bundle.zip", new FileLimits { MaxEntries = 10 })).ShouldContain("too many files");
    }

    [Theory]
    [InlineData("cut in half", "damaged")]
    [InlineData("wrong CRC", "damaged")]
    [InlineData("bzip2 entry", "compression method we cannot check")]
    public async Task A_zip_that_cannot_be_read_whole_is_refused(string file, string reason)
    {
        var zip = file switch
        {
            "cut in half" => HostileFiles.SmallZip()[..(HostileFiles.SmallZip().Length / 2)],
            "wrong CRC" => new CraftedZip().Add(new CraftedZip.Entry("a.txt", "hello"u8.ToArray(), 0, Crc: 12345, DeclaredSize: 5)).ToArray(),
            _ => new CraftedZip().Add(new CraftedZip.Entry("a.txt", "BZh91AY&SY"u8.ToArray(), 12, Crc: 0, DeclaredSize: 5)).ToArray(),
        };

        (await RefusalAsync(zip, "bundle.zip")).ShouldContain(reason);
    }

    [Fact]
    public void The_crafted_bombs_are_valid_zips_whose_sizes_and_crcs_a_zip_reader_accepts()
    {
        const long size = 3 * HostileFiles.MiB + 12_345;
        using var archive = new ZipArchive(new MemoryStream(new CraftedZip().AddZeros("zeros.bin", size).ToArray()));
        using var content = archive.Entries[0].Open();

        var read = 0L;
        var buffer = new byte[81920];
        for (int n; (n = content.Read(buffer)) > 0; read += n)
        {
            buffer.AsSpan(0, n).ContainsAnyExcept((byte)0).ShouldBeFalse();
        }

        read.ShouldBe(size);
        Crc32.OfZeros(1000).ShouldBe(Crc32.Of(new byte[1000]));
    }
}
