using System.Globalization;
using System.Text;
using Marketplace.Infrastructure.Validation;

namespace Marketplace.Infrastructure.Files;

/// <summary>
/// The name a seller's file arrives with, made fit to show and to put in a Content-Disposition: only its last path
/// part, without the characters request text may not hold (<see cref="TextCharacters"/>) nor the invisible ones that
/// disguise a name (a right-to-left override turns <c>invoice</c> U+202E <c>fdp.exe</c> into what reads as <c>invoiceexe.pdf</c>),
/// in NFC, at most <see cref="MaxLength"/> characters with its extension kept, and never empty. It is only ever shown:
/// files are stored under names the server makes.
/// </summary>
public static class UploadNames
{
    public const int MaxLength = 200;
    public const string Fallback = "upload";
    private const int MaxExtensionLength = 16;

    public static string Sanitize(string? name)
    {
        var lastPart = (name ?? "")[((name ?? "").LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(lastPart.Length);
        for (var i = 0; i < lastPart.Length; i++)
        {
            var c = lastPart[i];
            if (char.IsHighSurrogate(c) && i + 1 < lastPart.Length && char.IsLowSurrogate(lastPart[i + 1]))
            {
                kept.Append(c).Append(lastPart[++i]);
            }
            else if (!TextCharacters.IsRefused(c, multiLine: false) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                kept.Append(c);
            }
        }

        // Trailing dots and spaces vanish on Windows, and a name of dots alone means a folder.
        var cleaned = kept.ToString().Normalize(NormalizationForm.FormC).Trim().TrimEnd('.', ' ');
        return cleaned.Trim('.').Length == 0 ? Fallback : Shorten(cleaned);
    }

    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        extension = extension.Length <= MaxExtensionLength ? extension : "";
        var stem = name[..(MaxLength - extension.Length)];
        return (char.IsHighSurrogate(stem[^1]) ? stem[..^1] : stem) + extension;
    }
}
