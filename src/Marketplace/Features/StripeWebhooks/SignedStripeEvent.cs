using System.Text.Json;
using Marketplace.Infrastructure.Payments;
using Stripe;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// A webhook payload checked the way the endpoint needs it: a JSON object with a string <c>id</c> and <c>type</c>,
/// signed with the secret of its kind (the Connect endpoint's when it names an <c>account</c>, the platform's
/// otherwise), within the tolerance, and readable by Stripe.net.
/// </summary>
public sealed record SignedStripeEvent(string Id, string Type, string? Account, bool Livemode, DateTime Created)
{
    public static SignedStripeEvent? Verify(string payload, string signature, WebhookSigningSecrets secrets, int toleranceSeconds, out string? error)
    {
        var (id, type, account) = ReadEnvelope(payload);
        if (id is null || type is null)
        {
            error = "The payload is not a Stripe event: a JSON object with a string id and type.";
            return null;
        }

        var secret = account is null ? secrets.Platform : secrets.Connect;
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(secret))
        {
            error = string.IsNullOrEmpty(signature)
                ? "The Stripe-Signature header is missing."
                : $"No signing secret is configured for {(account is null ? "platform" : "Connect")} events.";
            return null;
        }

        try
        {
            EventUtility.ValidateSignature(payload, signature, secret, toleranceSeconds);
            var parsed = EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
            error = null;
            return new SignedStripeEvent(id, type, account, parsed.Livemode, parsed.Created);
        }
        catch (StripeException e)
        {
            error = account is null ? e.Message : $"{e.Message} Events of connected accounts are signed with the Connect endpoint's secret.";
            return null;
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or JsonException or FormatException or InvalidCastException or ArgumentException)
        {
            error = "The payload is signed but is not a Stripe event that can be read.";
            return null;
        }
    }

    private static (string? Id, string? Type, string? Account) ReadEnvelope(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            return (NonEmptyString(root, "id"), NonEmptyString(root, "type"), NonEmptyString(root, "account"));
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? NonEmptyString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
