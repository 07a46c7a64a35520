using Marketplace.Infrastructure.Files;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Marketplace.Features.Downloads.Watermarking.Pdfs;

/// <summary>
/// Stamps every page of a PDF with the licence line (small grey text along the bottom edge, added as a content
/// stream of its own after the page's, so nothing of the page is rewritten) and writes the entitlement id into the
/// document information dictionary (<see cref="EntitlementKey"/>). The document is opened for modification and
/// saved whole, so its outlines, links, annotations and form fields are kept as they were. An encrypted PDF is
/// refused: PDFsharp would have to decrypt and re-encrypt it, and the seller chose how it is protected.
/// </summary>
public sealed class PdfWatermarker : IWatermarker
{
    /// <summary>The Info dictionary key holding the entitlement id.</summary>
    public const string EntitlementKey = "/MarketplaceEntitlement";

    public const string Encrypted = "cannot stamp: encrypted";

    private const double FontSize = 7, Margin = 6;

    public IReadOnlyList<FileKind> Kinds { get; } = [FileKind.Pdf];

    public async Task<WatermarkResult> WatermarkAsync(Stream source, FileKind kind, LicenseMark mark, Stream destination, CancellationToken ct)
    {
        StampFont.Install();
        using var buffered = await Seekable.OpenAsync(source, ct);
        PdfDocument? document;
        try
        {
            // Abort instead of asking for a password: a document needing one is encrypted, and refused below.
            document = PdfReader.Open(buffered.Stream, PdfDocumentOpenMode.Modify, arguments => arguments.Abort = true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            return exception.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || exception.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase)
                ? new WatermarkResult.Refused(WatermarkRefusal.Encrypted, Encrypted)
                : new WatermarkResult.Refused(WatermarkRefusal.Damaged, PdfInspection.Damaged);
        }

        // PDFsharp answers an aborted password prompt with no document.
        if (document is null)
        {
            return new WatermarkResult.Refused(WatermarkRefusal.Encrypted, Encrypted);
        }

        using (document)
        {
            if (document.SecuritySettings.IsEncrypted)
            {
                return new WatermarkResult.Refused(WatermarkRefusal.Encrypted, Encrypted);
            }

            try
            {
                var font = new XFont(StampFont.Family, FontSize, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
                foreach (var page in document.Pages)
                {
                    ct.ThrowIfCancellationRequested();
                    Stamp(page, font, mark.Line);
                }

                document.Info.Elements.SetString(EntitlementKey, mark.EntitlementId.ToString());
                document.Options.CompressContentStreams = true;
                var pages = document.PageCount;
                document.Save(destination, closeStream: false);
                return new WatermarkResult.Marked($"stamped {pages} pages");
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
            {
                // A page tree or resource PDFsharp cannot follow: the file's fault, not ours.
                return new WatermarkResult.Refused(WatermarkRefusal.Damaged, PdfInspection.Damaged);
            }
        }
    }

    private static void Stamp(PdfPage page, XFont font, string line)
    {
        using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        var size = graphics.MeasureString(line, font);
        var scale = Math.Min(1, (page.Width.Point - (2 * Margin)) / size.Width);
        var (width, height) = (size.Width * scale, size.Height * scale);
        var left = (page.Width.Point - width) / 2;
        var top = page.Height.Point - Margin - height;
        graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(200, 255, 255, 255)), left - 2, top - 1, width + 4, height + 2);
        graphics.ScaleAtTransform(scale, scale, left, top);
        graphics.DrawString(line, font, XBrushes.DimGray, new XRect(left, top, size.Width, size.Height), XStringFormats.TopLeft);
    }
}
