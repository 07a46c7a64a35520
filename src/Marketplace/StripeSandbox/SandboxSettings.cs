using System.Globalization;
using Marketplace.Infrastructure.Payments;

namespace Marketplace.StripeSandbox;

/// <summary>
/// The <c>Stripe:Sandbox</c> settings: <c>WebhookUrl</c> (where events are delivered; default the app's own
/// <c>/api/webhooks/stripe</c>) and <c>RetryDelays</c> (the waits between delivery rounds, as a comma-separated list
/// or an array of time spans).
/// </summary>
public sealed class SandboxSettings(IConfiguration configuration, StripeSandboxAddress address)
{
    public const string Section = "Stripe:Sandbox";
    public const string WebhookPath = "/api/webhooks/stripe";

    /// <summary>Stripe retries for days with growing waits; the sandbox keeps the shape and shortens the scale.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    public string WebhookUrl =>
        configuration[$"{Section}:WebhookUrl"] is { Length: > 0 } configured ? configured : $"{address.Origin}{WebhookPath}";

    public IReadOnlyList<TimeSpan> RetryDelays { get; } = ReadDelays(configuration.GetSection($"{Section}:RetryDelays"));

    private static IReadOnlyList<TimeSpan> ReadDelays(IConfigurationSection section)
    {
        var texts = section.Value is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. section.GetChildren().Select(child => child.Value ?? "")];
        if (texts.Length == 0)
        {
            return DefaultRetryDelays;
        }

        return [.. texts.Select(text => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var delay) && delay >= TimeSpan.Zero
            ? delay
            : throw new InvalidOperationException($"{Section}:RetryDelays holds '{text}', which is not a time span such as 00:00:05."))];
    }
}
