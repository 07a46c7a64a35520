using Marketplace.Infrastructure.Logging;
using Marketplace.Infrastructure.Payments;
using Marketplace.Infrastructure.Postgres;

namespace Marketplace.Infrastructure.Hosting;

/// <summary>
/// The settings a Production host cannot run safely without. Each missing one is refused at start with one log line
/// saying what to set, before anything (the embedded database included) is started.
/// </summary>
public static class ProductionSettings
{
    public const string EmbeddedPostgresKey = "Marketplace:EmbeddedPostgres";

    /// <summary>What is unsafe in <paramref name="configuration"/>, one sentence each; empty when it may start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var publicUrl = configuration["Site:PublicUrl"];
        if (string.IsNullOrWhiteSpace(publicUrl))
        {
            problems.Add("Site:PublicUrl is not set: links in mail would follow the request's Host header. Set it to the public address, e.g. https://marketplace.example.com.");
        }
        else if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            problems.Add($"Site:PublicUrl is '{publicUrl}', which is not an absolute http(s) address such as https://marketplace.example.com.");
        }

        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(PostgresSetup.ConnectionStringName))
            && !configuration.GetValue(EmbeddedPostgresKey, false))
        {
            problems.Add($"ConnectionStrings:{PostgresSetup.ConnectionStringName} is not set: the embedded PostgreSQL cluster is a development default. Set the connection string, or {EmbeddedPostgresKey}=true to run the embedded cluster on purpose.");
        }

        var stripe = configuration.GetSection(StripeOptions.Section);
        var hasKey = !string.IsNullOrWhiteSpace(stripe["SecretKey"]) || !string.IsNullOrWhiteSpace(configuration[StripeOptions.SecretKeyVariable]);
        foreach (var secret in new[] { nameof(StripeOptions.WebhookSecret), nameof(StripeOptions.ConnectWebhookSecret) })
        {
            if (hasKey && string.IsNullOrWhiteSpace(stripe[secret]))
            {
                problems.Add($"Stripe:SecretKey is set but Stripe:{secret} is not: every Stripe event would be refused. Copy the signing secret (whsec_...) of the webhook endpoint from the Stripe dashboard.");
            }
        }

        if (!string.IsNullOrWhiteSpace(publicUrl) && configuration["AllowedHosts"] is null or "" or "*")
        {
            problems.Add("AllowedHosts is '*' behind a public URL: requests for any host would be served. Set it to the public host name, e.g. marketplace.example.com.");
        }

        if ((configuration["Watermarking:FingerprintKey"] ?? "").Trim().Length < MinFingerprintKeyLength)
        {
            problems.Add($"Watermarking:FingerprintKey is not set (or shorter than {MinFingerprintKeyLength} characters): buyers' images would be fingerprinted with the development key in the source code, which anyone can read and forge. Set {MinFingerprintKeyLength} or more random characters, and keep them: copies trace only with the key they were marked with.");
        }

        var signingKeys = configuration.GetSection("Downloads:SigningKeys").GetChildren().ToList();
        if (signingKeys.Count == 0 || signingKeys.Any(key => System.Text.Encoding.UTF8.GetByteCount((key.Value ?? "").Trim()) < MinSigningKeyBytes))
        {
            problems.Add($"Downloads:SigningKeys has no key (or one shorter than {MinSigningKeyBytes} bytes): download links would be signed with the development key in the source code, so anyone could make a link to any buyer's files. Set Downloads:SigningKeys:<key id> (e.g. Downloads__SigningKeys__20261204) to {MinSigningKeyBytes} or more random characters.");
        }

        return problems;
    }

    private const int MinFingerprintKeyLength = 32;
    private const int MinSigningKeyBytes = 32;

    /// <summary>
    /// In Production, logs each problem (Fatal, one line) and answers true: the caller exits instead of starting.
    /// Commands other than running the app (<c>codegen</c>, <c>describe</c>...) are not checked: they serve nobody.
    /// </summary>
    public static bool RefusesToStart(this WebApplicationBuilder builder, string[] args)
    {
        var runsTheApp = args.Length == 0 || args[0].StartsWith('-') || args[0] is "run" or "seed";
        if (!builder.Environment.IsProduction() || !runsTheApp)
        {
            return false;
        }

        var problems = Problems(builder.Configuration);
        if (problems.Count == 0)
        {
            return false;
        }

        using var logger = LoggingSetup.CreateStartupLogger(builder);
        foreach (var problem in problems)
        {
            logger.Fatal("Refusing to start: {Problem:l}", problem);
        }

        return true;
    }
}
