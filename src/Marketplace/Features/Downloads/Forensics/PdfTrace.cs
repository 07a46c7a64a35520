using System.Text.RegularExpressions;
using Marketplace.Features.Downloads.Watermarking.Pdfs;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Marketplace.Features.Downloads.Forensics;

/// <summary>
/// Reads a PDF's mark with PdfPig: the entitlement id in the information dictionary, or, when the metadata was
/// stripped, the order named by the stamp on its first pages.
/// </summary>
public static partial class PdfTrace
{
    private const int PagesRead = 5;

    public static TraceResult Trace(Stream file)
    {
        try
        {
            using var document = PdfDocument.Open(file, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var key = PdfWatermarker.EntitlementKey.TrimStart('/');
            if (document.Information.DocumentInformationDictionary?.Data.TryGetValue(key, out var token) == true
                && token switch { StringToken text => text.Data, HexToken hex => hex.Data, _ => null } is { } value
                && Guid.TryParse(value, out var id))
            {
                return new TraceResult.Found(id, "PDF metadata");
            }

            for (var page = 1; page <= Math.Min(PagesRead, document.NumberOfPages); page++)
            {
                if (StampOrder().Match(document.GetPage(page).Text) is { Success: true } match && Guid.TryParse(match.Groups[1].Value, out var order))
                {
                    return new TraceResult.OrderNamed(order, $"PDF stamp on page {page}");
                }
            }

            return new TraceResult.NoMark(TraceResult.Clean);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // Encrypted, damaged or hostile: PdfPig's many exception types are all the file's fault.
            return new TraceResult.NoMark("No mark found: the PDF could not be read.");
        }
    }

    [GeneratedRegex(@"order\s*([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")]
    private static partial Regex StampOrder();
}
