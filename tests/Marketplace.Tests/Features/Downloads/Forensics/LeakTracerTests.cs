using Marketplace.Features.Downloads.Forensics;
using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Downloads.Watermarking.Pdfs;
using Marketplace.Infrastructure.Files;
using Marketplace.Tests.Features.Downloads.Watermarking;
using Marketplace.Tests.Features.Downloads.Watermarking.Images;
using Marketplace.Tests.Features.Downloads.Watermarking.Pdfs;
using Marketplace.Tests.Features.Downloads.Watermarking.Zips;
using Marketplace.Tests.Infrastructure.Files;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Marketplace.Tests.Features.Downloads.Forensics;

public sealed class LeakTracerTests
{
    private static readonly LeakTracer Tracer = new(
        Engines.Images(), Options.Create(new WatermarkingOptions { FingerprintKey = Engines.Key }), Options.Create(new FileLimits()));

    public static TheoryData<string> MarkedKinds => ["jpeg", "png", "webp", "pdf", "zip"];

    [Theory]
    [MemberData(nameof(MarkedKinds))]
    public async Task A_marked_copy_traces_back_to_its_entitlement(string kind)
    {
        var (file, fileKind) = Clean(kind);
        var (_, copy) = await Engines.MarkAsync(file, fileKind);

        var found = (await TraceAsync(copy)).ShouldBeOfType<TraceResult.Found>();
        found.EntitlementId.ShouldBe(Engines.Mark.EntitlementId);
    }

    [Theory]
    [MemberData(nameof(MarkedKinds))]
    public async Task A_clean_file_has_no_mark(string kind)
    {
        (await TraceAsync(Clean(kind).File)).ShouldBeOfType<TraceResult.NoMark>().Message.ShouldBe(TraceResult.Clean);
    }

    [Fact]
    public async Task A_leaked_image_cropped_halved_and_reencoded_still_traces()
    {
        using var original = PhotoLikeImages.Make(seed: 31);
        var (_, copy) = await Engines.MarkAsync(PhotoLikeImages.Jpeg(original), FileKind.Jpeg);
        using var marked = Image.Load<Rgba32>(copy);
        using var cropped = PhotoLikeImages.Cropped(marked);
        using var halved = PhotoLikeImages.Halved(cropped);

        (await TraceAsync(PhotoLikeImages.Jpeg(halved, 85))).ShouldBeOfType<TraceResult.Found>().EntitlementId.ShouldBe(Engines.Mark.EntitlementId);
    }

    [Fact]
    public async Task A_pdf_whose_metadata_was_stripped_still_names_its_order_by_the_stamp()
    {
        var (_, copy) = await Engines.MarkAsync(HostileFiles.Pdf(2), FileKind.Pdf);
        using var document = PdfReader.Open(new MemoryStream(copy), PdfDocumentOpenMode.Modify);
        document.Info.Elements.Remove(PdfWatermarker.EntitlementKey);
        using var stripped = new MemoryStream();
        document.Save(stripped);

        (await TraceAsync(stripped.ToArray())).ShouldBeOfType<TraceResult.OrderNamed>().OrderId.ShouldBe(Engines.Mark.OrderId);
    }

    [Fact]
    public async Task A_zip_whose_comment_was_removed_traces_by_its_licence_file()
    {
        var (_, copy) = await Engines.MarkAsync(HostileFiles.SmallZip(), FileKind.Zip);
        var end = copy.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        var withoutComment = copy[..(end + 22)];
        withoutComment[^2] = 0;
        withoutComment[^1] = 0;

        (await TraceAsync(withoutComment)).ShouldBeOfType<TraceResult.Found>().Evidence.ShouldBe("ZIP licence file");
    }

    [Fact]
    public async Task Hostile_and_unmarked_kinds_answer_no_mark()
    {
        using var image = PhotoLikeImages.Make(seed: 32, width: 300, height: 200);
        var jpeg = PhotoLikeImages.Jpeg(image);
        foreach (var file in new[] { jpeg[..(jpeg.Length / 2)], HostileFiles.DamagedPdf(), HostileFiles.PasswordPdf(), HostileFiles.Noise(5000), HostileFiles.Signature("flac") })
        {
            (await TraceAsync(file)).ShouldBeOfType<TraceResult.NoMark>();
        }
    }

    private static async Task<TraceResult> TraceAsync(byte[] file)
    {
        using var stream = new MemoryStream(file);
        return await Tracer.TraceAsync(stream, CancellationToken.None);
    }

    private static (byte[] File, FileKind Kind) Clean(string kind)
    {
        using var image = PhotoLikeImages.Make(seed: 33, width: 700, height: 500);
        return kind switch
        {
            "jpeg" => (PhotoLikeImages.Jpeg(image), FileKind.Jpeg),
            "png" => (PhotoLikeImages.Png(image), FileKind.Png),
            "webp" => (PhotoLikeImages.Webp(image), FileKind.Webp),
            "pdf" => (PdfWatermarkTests.Book(4), FileKind.Pdf),
            _ => (ZipWatermarkTests.Archive(dataDescriptors: false), FileKind.Zip),
        };
    }
}
