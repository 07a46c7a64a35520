namespace Marketplace.Features.Downloads.Watermarking;

/// <summary>Settings of the watermark engines (configuration section <c>Watermarking</c>).</summary>
public sealed class WatermarkingOptions
{
    public const string Section = "Watermarking";

    /// <summary>
    /// The secret the image fingerprint's pattern is derived from (any string; 32 random characters or more). Keep it
    /// stable: copies marked with one key are traced only with that key. Empty: a development key, fine anywhere but
    /// production (anyone with the source could read and forge the fingerprint).
    /// </summary>
    public string FingerprintKey { get; set; } = "";

    internal const string DevelopmentKey = "marketplace-development-fingerprint-key";

    public byte[] KeyBytes() => System.Text.Encoding.UTF8.GetBytes(FingerprintKey.Length > 0 ? FingerprintKey : DevelopmentKey);
}
