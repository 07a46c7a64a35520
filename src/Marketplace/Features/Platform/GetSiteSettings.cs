using Marten;

namespace Marketplace.Features.Platform;

public static class GetSiteSettings
{
    public sealed record Response(string Name, string Tagline, string SupportEmail, string Currency, string? Announcement);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/settings", HandleAsync)
            .WithName("GetSiteSettings")
            .WithSummary("The marketplace's name, tagline, support address, currency and announcement.");

    public static async Task<Response> HandleAsync(IQuerySession session, IConfiguration configuration, CancellationToken ct)
    {
        var settings = await LoadAsync(session, configuration, ct);
        return new Response(settings.Name, settings.Tagline, settings.SupportEmail, settings.Currency, settings.Announcement);
    }

    public static async Task<SiteSettings> LoadAsync(IQuerySession session, IConfiguration configuration, CancellationToken ct) =>
        await session.LoadAsync<SiteSettings>(SiteSettings.DocumentId, ct) ?? SiteSettings.Defaults(configuration);
}
