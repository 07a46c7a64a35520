using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Marketplace.Infrastructure.Files;

/// <summary>
/// Opens a PDF with PdfPig to learn whether it parses, how many pages it has and whether it is encrypted. PdfPig
/// reads from the file as it goes when given a seekable stream (its <c>Open(path)</c> would read the whole file into
/// memory first); pages' contents are never parsed, only the page tree.
/// </summary>
public static class PdfInspection
{
    public const string Damaged = "The PDF is damaged and could not be opened; export it again and retry.";

    /// <summary>
    /// An encrypted PDF that opens without a password (it only restricts printing, copying or editing). We accept it:
    /// it is the seller's to sell as they made it. But the stamp that names the buyer on every page cannot be added to it.
    /// </summary>
    public const string EncryptedWarning =
        "This PDF is encrypted, so its pages cannot be stamped with the buyer's name. Buyers get it only if you allow " +
        "unmarked copies of this file (then exactly as uploaded); upload an unencrypted copy to have each buyer's copy stamped.";

    /// <summary>A PDF that needs a password to open: accepted too (a seller may hand out the password), but unchecked inside.</summary>
    public const string PasswordWarning =
        "This PDF needs a password to open, so we could not check its pages and cannot stamp them with the buyer's name. " +
        "Buyers get it only if you allow unmarked copies of this file (then exactly as uploaded, and they need the password from you).";

    /// <summary>Opens the PDF; the limits on its size are the caller's to check first.</summary>
    public static FileInspection Inspect(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        try
        {
            using var document = PdfDocument.Open(file, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = document.NumberOfPages;
            if (pages == 0)
            {
                return new FileInspection.Refused("The PDF has no pages.");
            }

            return Accepted(document.IsEncrypted ? [EncryptedWarning] : [], new FileDetails(Pages: pages, Encrypted: document.IsEncrypted));
        }
        catch (PdfDocumentEncryptedException)
        {
            // Thrown only once the trailer's /Encrypt dictionary was found and the empty user password did not open it.
            return Accepted([PasswordWarning], new FileDetails(Encrypted: true));
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig answers a malformed file with exceptions of many types: each is the file's fault.
            return new FileInspection.Refused(Damaged);
        }
    }

    private static FileInspection.Accepted Accepted(IReadOnlyList<string> warnings, FileDetails details)
    {
        var pdf = FileKinds.Of(FileKind.Pdf);
        return new FileInspection.Accepted(FileKind.Pdf, pdf.ContentType, pdf.Extension, warnings, details);
    }
}
