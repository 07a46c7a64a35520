using Marketplace.Infrastructure.Files;
using Marketplace.Tests.Security;

namespace Marketplace.Tests.Infrastructure.Files;

/// <summary>The kind of a file is its content's: names and declared types never decide it, and can only disagree.</summary>
public sealed class FileTypeTests : InspectionTest
{
    [Fact]
    public async Task An_empty_file_is_refused()
    {
        (await RefusalAsync([], "ebook.pdf")).ShouldContain("empty");
    }

    [Theory]
    [InlineData("ELF named .pdf", "Linux program")]
    [InlineData("PE named .pdf", "Windows program")]
    [InlineData("script named .pdf", "a script")]
    [InlineData("HTML named .pdf", "web page")]
    [InlineData("SVG named .png", "web page, SVG image")]
    [InlineData("TIFF named .png", "TIFF image")]
    [InlineData("empty ZIP named .zip", "empty ZIP archive")]
    [InlineData("text named .pdf", "do not recognise")]
    public async Task Content_we_do_not_sell_is_refused_naming_what_it_is_and_what_we_accept(string file, string what)
    {
        var (content, name) = file switch
        {
            "ELF named .pdf" => (HostileFiles.Elf(), "manual.pdf"),
            "PE named .pdf" => (HostileFiles.WindowsProgram(), "manual.pdf"),
            "script named .pdf" => ("#!/bin/sh\nrm -rf ~\n"u8.ToArray(), "manual.pdf"),
            "HTML named .pdf" => ("\n  <!doctype html><script>alert(1)</script>"u8.ToArray(), "manual.pdf"),
            "SVG named .png" => (HostileImages.Svg(), "cover.png"),
            "TIFF named .png" => (HostileImages.MultiPageTiff(2), "cover.png"),
            "empty ZIP named .zip" => (HostileFiles.Zip(), "bundle.zip"),
            _ => ("Just some words."u8.ToArray(), "manual.pdf"),
        };

        var message = await RefusalAsync(content, name);

        message.ShouldContain(what);
        message.ShouldContain(FileKinds.Accepted);
    }

    [Theory]
    [InlineData("ZIP named .pdf", "named like a PDF")]
    [InlineData("JPEG named .png", "named like a PNG image")]
    [InlineData("PDF named .zip", "named like a ZIP archive")]
    [InlineData("ZIP named .epub", "named like an EPUB book")]
    [InlineData("PNG named .exe", "ends in .exe")]
    [InlineData("PDF named .html", "ends in .html")]
    public async Task A_name_whose_known_extension_belongs_to_another_kind_is_refused(string file, string reason)
    {
        var (content, name) = file switch
        {
            "ZIP named .pdf" => (HostileFiles.SmallZip(), "manual.pdf"),
            "JPEG named .png" => (HostileImages.Jpeg(), "cover.png"),
            "PDF named .zip" => (HostileFiles.Pdf(), "bundle.zip"),
            "ZIP named .epub" => (HostileFiles.SmallZip(), "novel.epub"),
            "PNG named .exe" => (HostileImages.Png(), "setup.exe"),
            _ => (HostileFiles.Pdf(), "manual.html"),
        };

        (await RefusalAsync(content, name)).ShouldContain(reason);
    }

    [Theory]
    [InlineData("cover")]
    [InlineData("cover.PNG")]
    [InlineData("cover.psd-export")]
    public async Task A_name_without_a_known_extension_does_not_matter(string name)
    {
        var accepted = await AcceptedAsync(HostileImages.Png(), name);

        accepted.Kind.ShouldBe(FileKind.Png);
        accepted.Extension.ShouldBe(".png");
    }

    [Theory]
    [InlineData("mp3 (ID3)", "track.mp3", FileKind.Mp3, "audio/mpeg")]
    [InlineData("mp3 (frame)", "track.mp3", FileKind.Mp3, "audio/mpeg")]
    [InlineData("wav", "loop.wav", FileKind.Wav, "audio/wav")]
    [InlineData("flac", "album.flac", FileKind.Flac, "audio/flac")]
    [InlineData("ogg", "sample.ogg", FileKind.Ogg, "audio/ogg")]
    [InlineData("mp4", "course.mp4", FileKind.Mp4, "video/mp4")]
    [InlineData("ttf", "font.ttf", FileKind.Ttf, "font/ttf")]
    [InlineData("otf", "font.otf", FileKind.Otf, "font/otf")]
    [InlineData("otf", "font.ttf", FileKind.Otf, "font/otf")]
    [InlineData("woff", "font.woff", FileKind.Woff, "font/woff")]
    [InlineData("woff2", "font.woff2", FileKind.Woff2, "font/woff2")]
    public async Task Audio_video_and_fonts_are_recognised_by_their_signature(string signature, string name, FileKind kind, string contentType)
    {
        var accepted = await AcceptedAsync(HostileFiles.Signature(signature), name);

        accepted.Kind.ShouldBe(kind);
        accepted.ContentType.ShouldBe(contentType);
    }

    public static TheoryData<string, byte[], FileKind> Images => new()
    {
        { "png", HostileImages.Png(64, 48), FileKind.Png },
        { "jpeg", HostileImages.Jpeg(), FileKind.Jpeg },
        { "gif", HostileImages.AnimatedGif(3), FileKind.Gif },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task An_image_is_accepted_with_the_size_and_frames_its_headers_give(string name, byte[] image, FileKind kind)
    {
        var accepted = await AcceptedAsync(image, $"picture.{name}");

        accepted.Kind.ShouldBe(kind);
        accepted.Details.Width.ShouldNotBeNull().ShouldBeGreaterThan(0);
        accepted.Details.Frames.ShouldBe(kind == FileKind.Gif ? 3 : 1);
    }

    [Theory]
    [InlineData("pixel bomb: PNG header claiming 60000×60000", "too large")]
    [InlineData("multi-frame bomb: GIF of 8 frames of 6000×6000", "too many frames")]
    [InlineData("truncated PNG", "damaged")]
    [InlineData("truncated JPEG", "damaged")]
    public async Task A_hostile_image_is_refused_from_its_headers_before_any_pixel_is_decoded(string file, string reason)
    {
        var image = file switch
        {
            "pixel bomb: PNG header claiming 60000×60000" => HostileImages.PngHeaderClaiming(60_000, 60_000),
            "multi-frame bomb: GIF of 8 frames of 6000×6000" => HostileImages.GifBomb(6000, 6000, 8),
            "truncated PNG" => HostileImages.Truncated(HostileImages.Png()),
            _ => HostileImages.Truncated(HostileImages.Jpeg()),
        };

        (await RefusalAsync(image, "picture")).ShouldContain(reason);
    }

    [Fact]
    public async Task An_image_over_the_image_size_cap_is_refused_before_it_is_read()
    {
        var message = await RefusalAsync(HostileImages.Png(), "cover.png", new FileLimits { MaxImageBytes = 100 });

        message.ShouldContain("larger than 100 bytes");
    }
}
