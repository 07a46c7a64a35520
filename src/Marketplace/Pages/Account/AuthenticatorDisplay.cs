using QRCoder;

namespace Marketplace.Pages.Account;

/// <summary>How an authenticator key is shown while setting up two-factor authentication.</summary>
public static class AuthenticatorDisplay
{
    /// <summary>The otpauth:// URI as a PNG QR code inline (the content security policy allows <c>data:</c> images).</summary>
    public static string QrCodeDataUri(string authenticatorUri) =>
        "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(authenticatorUri, QRCodeGenerator.ECCLevel.Q, 6));

    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    public static string KeyInGroups(string key) =>
        string.Join(' ', key.Chunk(4).Select(group => new string(group)));
}
