namespace Marketplace.Features.Email;

/// <summary>
/// Mail settings from <c>Email:From</c> and <c>Resend:*</c>. With a Resend API key mail goes through Resend; without
/// one it is kept in the dev outbox.
/// </summary>
public sealed class EmailOptions
{
    public const string DefaultFrom = "Marketplace <no-reply@marketplace.localhost>";
    public static readonly Uri DefaultResendBaseUrl = new("https://api.resend.com/");

    public string From { get; set; } = DefaultFrom;
    public string? ResendApiKey { get; set; }
    public Uri ResendBaseUrl { get; set; } = DefaultResendBaseUrl;

    /// <summary>The first pause between retries of a failed call to Resend; later pauses grow exponentially.</summary>
    public TimeSpan ResendRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool UsesResend => !string.IsNullOrWhiteSpace(ResendApiKey);

    public static void Read(EmailOptions options, IConfiguration configuration)
    {
        if (configuration["Email:From"] is { } from && !string.IsNullOrWhiteSpace(from))
        {
            options.From = from.Trim();
        }

        options.ResendApiKey = configuration["Resend:ApiKey"]?.Trim();
        if (configuration["Resend:BaseUrl"] is { } baseUrl && !string.IsNullOrWhiteSpace(baseUrl))
        {
            // The trailing slash keeps a base path (a proxy's "/resend") when "emails" is resolved against it.
            options.ResendBaseUrl = new Uri(baseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute);
        }

        options.ResendRetryDelay = configuration.GetValue("Resend:RetryDelay", options.ResendRetryDelay);
    }
}
