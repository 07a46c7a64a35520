using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Downloads.Watermarking.Pdfs;
using Marketplace.Infrastructure.Files;
using Marketplace.Tests.Infrastructure.Files;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using UglyToad.PdfPig.Outline;

namespace Marketplace.Tests.Features.Downloads.Watermarking.Pdfs;

public sealed class PdfWatermarkTests
{
    [Fact]
    public async Task Every_page_of_a_300_page_book_is_stamped_and_its_bookmarks_links_and_form_field_survive()
    {
        var (result, copy) = await Engines.MarkAsync(Book(300), FileKind.Pdf);

        result.ShouldBeOfType<WatermarkResult.Marked>().What.ShouldBe("stamped 300 pages");
        using var stamped = UglyToad.PdfPig.PdfDocument.Open(copy);
        stamped.NumberOfPages.ShouldBe(300);
        foreach (var page in stamped.GetPages())
        {
            page.Text.ShouldContain($"Licensed to Ada Lovelace ada@example.com · order {Engines.Mark.OrderId}", customMessage: $"page {page.Number}");
            page.Text.ShouldContain($"Chapter page {page.Number}");
        }

        stamped.TryGetBookmarks(out var bookmarks).ShouldBeTrue();
        var chapters = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToList();
        chapters.Select(chapter => chapter.Title).ShouldBe(Enumerable.Range(0, 30).Select(i => $"Chapter {i + 1}"));
        chapters.Select(chapter => chapter.PageNumber).ShouldBe(Enumerable.Range(0, 30).Select(i => (i * 10) + 1));
        stamped.GetPage(1).GetHyperlinks().Single().Uri.ShouldBe("https://example.com/errata");
        stamped.GetPage(2).GetAnnotations().Count(annotation => annotation.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link).ShouldBe(1);
        stamped.TryGetForm(out var form).ShouldBeTrue();
        form.Fields.Single().Information.PartialName.ShouldBe("reader-notes");
        stamped.Information.DocumentInformationDictionary!.Data[PdfWatermarker.EntitlementKey.TrimStart('/')].ToString()!
            .ShouldContain(Engines.Mark.EntitlementId.ToString());
    }

    [Fact]
    public async Task An_encrypted_pdf_is_refused_with_the_typed_result()
    {
        foreach (var encrypted in new[] { HostileFiles.RestrictedPdf(), HostileFiles.PasswordPdf() })
        {
            var (result, _) = await Engines.MarkAsync(encrypted, FileKind.Pdf);

            var refused = result.ShouldBeOfType<WatermarkResult.Refused>();
            refused.Reason.ShouldBe(WatermarkRefusal.Encrypted);
            refused.Message.ShouldBe("cannot stamp: encrypted");
        }
    }

    [Fact]
    public async Task A_pdf_that_does_not_parse_is_refused_as_damaged()
    {
        foreach (var damaged in new[] { HostileFiles.DamagedPdf(), Book(3)[..2000], "%PDF-1.4\n"u8.ToArray() })
        {
            var (result, _) = await Engines.MarkAsync(damaged, FileKind.Pdf);

            result.ShouldBeOfType<WatermarkResult.Refused>().Reason.ShouldBe(WatermarkRefusal.Damaged);
        }
    }

    /// <summary>A book with text on every page, a bookmark every ten pages, a web link on page 1 and a page link on page 2.</summary>
    internal static byte[] Book(int pages)
    {
        StampFont.Install();
        using var document = new PdfDocument();
        document.Info.Title = "A test book";
        var font = new XFont(StampFont.Family, 14);
        for (var i = 1; i <= pages; i++)
        {
            var page = document.AddPage();
            using (var graphics = XGraphics.FromPdfPage(page))
            {
                graphics.DrawString($"Chapter page {i}", font, XBrushes.Black, new XPoint(72, 72));
            }

            if (i % 10 == 1)
            {
                document.Outlines.Add($"Chapter {(i / 10) + 1}", page);
            }
        }

        document.Pages[0].AddWebLink(new PdfRectangle(new XRect(72, 100, 200, 20)), "https://example.com/errata");
        document.Pages[1].AddDocumentLink(new PdfRectangle(new XRect(72, 100, 200, 20)), pages);
        AddTextField(document, document.Pages[pages - 1], "reader-notes");
        using var pdf = new MemoryStream();
        document.Save(pdf);
        return pdf.ToArray();
    }

    /// <summary>An AcroForm text field with a value, as a form-filling PDF has (PDFsharp has no API to make one).</summary>
    private static void AddTextField(PdfDocument document, PdfPage page, string name)
    {
        var field = new PdfDictionary(document);
        field.Elements.SetName("/Type", "/Annot");
        field.Elements.SetName("/Subtype", "/Widget");
        field.Elements.SetName("/FT", "/Tx");
        field.Elements.SetString("/T", name);
        field.Elements.SetString("/V", "filled in by the reader");
        field.Elements["/Rect"] = new PdfRectangle(new XRect(72, 200, 200, 20));
        field.Elements["/P"] = page.Reference;
        document.Internals.AddObject(field);
        page.Elements["/Annots"] = new PdfArray(document, field.Reference!);
        var form = new PdfDictionary(document);
        form.Elements["/Fields"] = new PdfArray(document, field.Reference!);
        document.Internals.AddObject(form);
        document.Internals.Catalog.Elements["/AcroForm"] = form.Reference;
    }
}
