using System.Text.Json;
using Marketplace.Infrastructure.Payments;
using Stripe;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// A webhook payload checked the way the endpoint needs it: a JSON object with a string <c>id</c> and <c>type</c>, a
/// boolean <c>livemode</c> and a numeric <c>created</c>, signed with the secret of its kind (the Connect endpoint's
/// when it names an <c>account</c>, the platform's otherwise), within the tolerance. The handlers read the rest:
/// parsing the whole event here would cost the acknowledgement a third of its time for nothing it needs.
/// </summary>
public sealed record SignedStripeEvent(string Id, string Type, string? Account, bool Livemode, DateTimeOffset Created)
{
    public static SignedStripeEvent? Verify(string payload, string signature, WebhookSigningSecrets secrets, int toleranceSeconds, out string? error)
    {
        if (ReadEnvelope(payload) is not { } envelope)
        {
            error = "The payload is not a Stripe event: a JSON object with a string id and type, a boolean livemode and a numeric created.";
            return null;
        }

        var secret = envelope.Account is null ? secrets.Platform : secrets.Connect;
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(secret))
        {
            error = string.IsNullOrEmpty(signature)
                ? "The Stripe-Signature header is missing."
                : $"No signing secret is configured for {(envelope.Account is null ? "platform" : "Connect")} events.";
            return null;
        }

        try
        {
            EventUtility.ValidateSignature(payload, signature, secret, toleranceSeconds);
            error = null;
            return envelope;
        }
        catch (StripeException e)
        {
            error = envelope.Account is null ? e.Message : $"{e.Message} Events of connected accounts are signed with the Connect endpoint's secret.";
            return null;
        }
    }

    private static SignedStripeEvent? ReadEnvelope(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || NonEmptyString(root, "id") is not { } id
                || NonEmptyString(root, "type") is not { } type
                || !root.TryGetProperty("livemode", out var livemode) || livemode.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
                || !root.TryGetProperty("created", out var created) || created.ValueKind != JsonValueKind.Number || !created.TryGetInt64(out var seconds)
                || seconds is < 0 or > 253_402_300_799) // 9999-12-31, the last second DateTimeOffset can hold
            {
                return null;
            }

            return new SignedStripeEvent(id, type, NonEmptyString(root, "account"), livemode.GetBoolean(), DateTimeOffset.FromUnixTimeSeconds(seconds));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? NonEmptyString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
