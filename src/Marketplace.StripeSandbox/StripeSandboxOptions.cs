using System.Globalization;
using Microsoft.Extensions.Options;

namespace Marketplace.StripeSandbox;

/// <summary>
/// The <c>Stripe:Sandbox</c> configuration section. An empty value keeps the default; <c>RetryDelays</c> is a
/// comma-separated list (<c>00:00:01,00:00:05</c>) or an array of time spans.
/// </summary>
public sealed class StripeSandboxOptions
{
    public const string Section = "Stripe:Sandbox";

    public const string DefaultApiKey = "sk_test_marketplace_sandbox";

    /// <summary>Stripe retries for days with growing waits; the sandbox keeps the shape and shortens the scale.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    /// <summary>The secret key the API accepts (<c>Authorization: Bearer</c>, or Basic with the key as user name).</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>The sandbox's origin as others reach it (behind a proxy, say); default the host's listening address.</summary>
    public string? Url { get; set; }

    /// <summary>The origin of the hosted pages and of the links the API returns; default <see cref="Url"/>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Where events are delivered; default <c>/api/webhooks/stripe</c> at <see cref="Url"/>.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The secret platform events are signed with.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The secret events of connected accounts are signed with.</summary>
    public string? ConnectWebhookSecret { get; set; }

    /// <summary>The waits between delivery rounds; after the last one an event is abandoned.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = DefaultRetryDelays;

    /// <summary>Takes every value the section sets, leaving the others as they are.</summary>
    public void Read(IConfigurationSection section)
    {
        ApiKey = Configured(section, nameof(ApiKey)) ?? ApiKey;
        Url = Configured(section, nameof(Url)) ?? Url;
        PublicUrl = Configured(section, nameof(PublicUrl)) ?? PublicUrl;
        WebhookUrl = Configured(section, nameof(WebhookUrl)) ?? WebhookUrl;
        WebhookSecret = Configured(section, nameof(WebhookSecret)) ?? WebhookSecret;
        ConnectWebhookSecret = Configured(section, nameof(ConnectWebhookSecret)) ?? ConnectWebhookSecret;
        RetryDelays = ReadDelays(section.GetSection(nameof(RetryDelays))) ?? RetryDelays;
    }

    /// <summary>What keeps the sandbox from working as configured, or nothing.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{Section}:ApiKey is empty.";
        }

        if (string.IsNullOrWhiteSpace(WebhookSecret) || string.IsNullOrWhiteSpace(ConnectWebhookSecret))
        {
            yield return $"{Section}:WebhookSecret and {Section}:ConnectWebhookSecret are needed to sign the events the sandbox delivers.";
        }

        foreach (var (name, url) in new[] { (nameof(Url), Url), (nameof(PublicUrl), PublicUrl), (nameof(WebhookUrl), WebhookUrl) })
        {
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                yield return $"{Section}:{name} holds '{url}', which is not an absolute http or https URL.";
            }
        }
    }

    /// <summary>Refuses to start with options the sandbox cannot work with.</summary>
    public sealed class Validation : IValidateOptions<StripeSandboxOptions>
    {
        public ValidateOptionsResult Validate(string? name, StripeSandboxOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    private static string? Configured(IConfigurationSection section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static TimeSpan[]? ReadDelays(IConfigurationSection section)
    {
        var texts = section.Value is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. section.GetChildren().Select(child => child.Value ?? "")];
        if (texts.Length == 0)
        {
            return null;
        }

        return [.. texts.Select(text => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var delay) && delay >= TimeSpan.Zero
            ? delay
            : throw new InvalidOperationException($"{Section}:RetryDelays holds '{text}', which is not a time span such as 00:00:05."))];
    }
}
