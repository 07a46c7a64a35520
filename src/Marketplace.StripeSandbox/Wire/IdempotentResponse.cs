using System.Security.Cryptography;
using System.Text;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// The answer to a POST sent with an <c>Idempotency-Key</c>, stored in the transaction of the change it made, so the
/// same key (per account) replays the same answer and a key reused with other parameters is refused.
/// </summary>
public sealed class IdempotentResponse
{
    public string Id { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public int Status { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static string IdFor(string? account, string key) => $"{account ?? "platform"}:{key}";

    /// <summary>The method, path and parameters of a request, so a replay can be told from a reuse.</summary>
    public static string FingerprintOf(HttpRequest request, StripeForm form)
    {
        var text = $"{request.Method} {request.Path}\n{form.Canonical()}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
