using Marketplace.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Tests.Infrastructure.Hosting;

/// <summary>What a Production host refuses to start with; the published build is started with each in the production smoke.</summary>
public sealed class ProductionSettingsTests
{
    private static readonly Dictionary<string, string?> Safe = new()
    {
        ["Site:PublicUrl"] = "https://marketplace.example.com",
        ["AllowedHosts"] = "marketplace.example.com",
        ["ConnectionStrings:Marketplace"] = "Host=db;Database=marketplace;Username=marketplace;Password=secret",
        ["Stripe:SecretKey"] = "sk_live_123",
        ["Stripe:WebhookSecret"] = "whsec_platform",
        ["Stripe:ConnectWebhookSecret"] = "whsec_connect",
        ["Watermarking:FingerprintKey"] = "k3Jv9QmT2xWn8RbL5cYp7ZdH4sGf6AeU",
        ["Downloads:SigningKeys:20261204"] = "Qm7Tz2Wk9Rb4Xn8Lc5Yp3Vd6Hs1Gf0Ae",
    };

    private static IReadOnlyList<string> ProblemsWith(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(Safe);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return ProductionSettings.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    [Fact]
    public void A_complete_production_configuration_has_no_problem() => ProblemsWith().ShouldBeEmpty();

    [Fact]
    public void Without_a_public_url_mailed_links_would_follow_the_host_header() =>
        ProblemsWith(("Site:PublicUrl", null)).ShouldHaveSingleItem().ShouldStartWith("Site:PublicUrl is not set");

    [Theory]
    [InlineData("marketplace.example.com")]
    [InlineData("ftp://marketplace.example.com")]
    [InlineData("/relative")]
    public void A_public_url_must_be_an_absolute_web_address(string url) =>
        ProblemsWith(("Site:PublicUrl", url)).ShouldHaveSingleItem().ShouldContain("not an absolute http(s) address");

    [Theory]
    [InlineData(null)]
    [InlineData("short-key")]
    public void Without_a_fingerprint_key_of_its_own_buyers_copies_would_carry_the_development_key(string? key) =>
        ProblemsWith(("Watermarking:FingerprintKey", key)).ShouldHaveSingleItem().ShouldStartWith("Watermarking:FingerprintKey is not set");

    [Theory]
    [InlineData("Downloads:SigningKeys:20261204", null)]
    [InlineData("Downloads:SigningKeys:20261204", "short-key")]
    public void Without_a_signing_key_of_its_own_anyone_could_make_download_links(string key, string? value) =>
        ProblemsWith((key, value)).ShouldHaveSingleItem().ShouldStartWith("Downloads:SigningKeys has no key");

    [Fact]
    public void An_old_signing_key_too_short_is_refused_beside_a_good_one() =>
        ProblemsWith(("Downloads:SigningKeys:20250101", "old")).ShouldHaveSingleItem().ShouldStartWith("Downloads:SigningKeys has no key");

    [Fact]
    public void Without_a_connection_string_the_embedded_cluster_must_be_asked_for()
    {
        ProblemsWith(("ConnectionStrings:Marketplace", "")).ShouldHaveSingleItem()
            .ShouldStartWith("ConnectionStrings:Marketplace is not set: the embedded PostgreSQL cluster is a development default");
        ProblemsWith(("ConnectionStrings:Marketplace", null), ("Marketplace:EmbeddedPostgres", "true")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Stripe:WebhookSecret")]
    [InlineData("Stripe:ConnectWebhookSecret")]
    public void A_stripe_key_needs_both_webhook_signing_secrets(string secret) =>
        ProblemsWith((secret, " ")).ShouldHaveSingleItem().ShouldStartWith($"Stripe:SecretKey is set but {secret} is not");

    [Fact]
    public void The_stripe_key_read_from_its_environment_name_needs_the_secrets_too() =>
        ProblemsWith(("Stripe:SecretKey", null), ("STRIPE_SECRET_KEY", "sk_live_456"), ("Stripe:WebhookSecret", null), ("Stripe:ConnectWebhookSecret", null))
            .Count.ShouldBe(2);

    [Fact]
    public void Without_stripe_no_webhook_secret_is_needed() =>
        ProblemsWith(("Stripe:SecretKey", null), ("Stripe:WebhookSecret", null), ("Stripe:ConnectWebhookSecret", null)).ShouldBeEmpty();

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_host_behind_a_public_url_is_refused(string? allowedHosts) =>
        ProblemsWith(("AllowedHosts", allowedHosts)).ShouldHaveSingleItem().ShouldStartWith("AllowedHosts is '*' behind a public URL");

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        ProblemsWith(("Site:PublicUrl", null), ("ConnectionStrings:Marketplace", null), ("Stripe:WebhookSecret", null)).Count.ShouldBe(3);
}
