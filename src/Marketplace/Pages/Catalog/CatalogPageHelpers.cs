using System.Globalization;

namespace Marketplace.Pages.Catalog;

public static class CatalogPageHelpers
{
    /// <summary>The first letter (or emoji, whole) of a title, for a placeholder cover.</summary>
    public static string Initial(string title)
    {
        var text = title.Trim();
        return text.Length == 0 ? "?" : StringInfo.GetNextTextElementLength(text) is var length and > 0
            ? text[..length].ToUpperInvariant()
            : "?";
    }

    /// <summary>"1.4 MB": sizes as people read them.</summary>
    public static string Size(long bytes)
    {
        string[] units = ["bytes", "KB", "MB", "GB"];
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0 ? $"{bytes:N0} bytes" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
