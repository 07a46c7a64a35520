using PdfSharp.Fonts;

namespace Marketplace.Features.Downloads.Watermarking.Pdfs;

/// <summary>
/// PDFsharp finds no system fonts on Linux: it is given the embedded DejaVu Sans under the one family name the stamp
/// asks for. Installed once per process (PDFsharp's resolver is global), before the first page is stamped.
/// </summary>
public sealed class StampFont : IFontResolver
{
    public const string Family = "Marketplace Stamp";
    private const string FaceName = "Marketplace.Watermarking.DejaVuSans";

    private static readonly Lazy<byte[]> Face = new(() =>
    {
        using var font = typeof(StampFont).Assembly.GetManifestResourceStream("Marketplace.Watermarking.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The watermark font is not embedded in the assembly.");
        using var bytes = new MemoryStream();
        font.CopyTo(bytes);
        return bytes.ToArray();
    });

    private static readonly Lock Installing = new();

    /// <summary>Installs this resolver unless another was installed first (then it must know <see cref="Family"/>).</summary>
    public static void Install()
    {
        lock (Installing)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new StampFont();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        familyName.Equals(Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(FaceName) : null;

    public byte[]? GetFont(string faceName) => faceName == FaceName ? Face.Value : null;
}
