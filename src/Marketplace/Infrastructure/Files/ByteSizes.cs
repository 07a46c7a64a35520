using System.Globalization;

namespace Marketplace.Infrastructure.Files;

/// <summary>Byte counts as a person reads them in a message ("2 GB", "512 MB"), in binary units.</summary>
public static class ByteSizes
{
    public static string Describe(long bytes) =>
        bytes >= 1L << 30 ? Format(bytes / (double)(1L << 30), "GB")
        : bytes >= 1L << 20 ? Format(bytes / (double)(1L << 20), "MB")
        : bytes >= 1L << 10 ? Format(bytes / (double)(1L << 10), "KB")
        : $"{bytes} bytes";

    private static string Format(double value, string unit) => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} {unit}";
}
