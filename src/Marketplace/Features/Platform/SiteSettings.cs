namespace Marketplace.Features.Platform;

/// <summary>The marketplace's public identity, one document. Until an admin saves one, <see cref="Defaults"/> apply.</summary>
public sealed record SiteSettings
{
    public const string DocumentId = "site";

    public string Id { get; init; } = DocumentId;
    public required string Name { get; init; }
    public required string Tagline { get; init; }
    public required string SupportEmail { get; init; }
    public required string Currency { get; init; }
    public string? Announcement { get; init; }

    public static SiteSettings Defaults(IConfiguration configuration) => new()
    {
        Name = configuration["Site:Name"] ?? "Marketplace",
        Tagline = configuration["Site:Tagline"] ?? "Digital goods from independent makers, and the people who use them.",
        SupportEmail = configuration["Site:SupportEmail"] ?? "support@marketplace.localhost",
        Currency = configuration["Site:Currency"] ?? "usd",
        Announcement = configuration["Site:Announcement"],
    };
}
