using System.Security.Cryptography;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>Identifiers shaped like Stripe's: a type prefix, an underscore and random base62 characters.</summary>
public static class SandboxIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 24) => $"{prefix}_{Token(length)}";

    /// <summary>An unguessable token for hosted-page links.</summary>
    public static string Token(int length = 32) => RandomNumberGenerator.GetString(Base62, length);
}
