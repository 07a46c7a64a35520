using System.Security.Cryptography;
using System.Text;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// The sandbox's API key, checked as Stripe checks a secret key: <c>Authorization: Bearer</c>, or Basic with the key as
/// user name as <c>curl -u</c> sends it. No key, a key it does not know, and its publishable key (<c>pk_</c> for the
/// secret <c>sk_</c>, which a browser may hold but no server call accepts) are each Stripe's own 401.
/// </summary>
public static class SandboxApiKey
{
    /// <summary>The publishable key that goes with the secret key: <c>pk_test_...</c> for <c>sk_test_...</c>.</summary>
    public static string? PublishableFor(string secretKey) => secretKey.StartsWith("sk_", StringComparison.Ordinal) ? $"pk_{secretKey[3..]}" : null;

    public static void Require(HttpRequest request, string secretKey)
    {
        var authorization = request.Headers.Authorization.ToString();
        var key = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim()
            : authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? BasicUser(authorization[6..].Trim())
            : null;
        if (string.IsNullOrEmpty(key))
        {
            throw new StripeApiException(StatusCodes.Status401Unauthorized,
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        }

        if (Matches(key, secretKey))
        {
            return;
        }

        if (PublishableFor(secretKey) is { } publishable && Matches(key, publishable))
        {
            throw new StripeApiException(StatusCodes.Status401Unauthorized,
                "This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
                "secret_key_required");
        }

        var shown = key.Length > 12 ? $"{key[..8]}{new string('*', key.Length - 12)}{key[^4..]}" : "***";
        throw new StripeApiException(StatusCodes.Status401Unauthorized, $"Invalid API Key provided: {shown}");
    }

    private static bool Matches(string key, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(expected));

    private static string? BasicUser(string encoded)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':')[0];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
