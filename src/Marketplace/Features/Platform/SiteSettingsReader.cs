using Marten;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Marketplace.Features.Platform;

/// <summary>
/// Site settings for every page render: cached briefly, and the defaults when the database cannot be reached, so
/// that even the error page for an outage still renders.
/// </summary>
public sealed class SiteSettingsReader(IMemoryCache cache, IServiceScopeFactory scopes, IConfiguration configuration)
{
    private const string CacheKey = "platform:site-settings";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<SiteSettings> GetAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(CacheKey, out SiteSettings? cached) && cached is not null)
        {
            return cached;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            var settings = await GetSiteSettings.LoadAsync(session, configuration, ct);
            return cache.Set(CacheKey, settings, Lifetime);
        }
        catch (NpgsqlException)
        {
            return SiteSettings.Defaults(configuration);
        }
    }

    public void Forget() => cache.Remove(CacheKey);
}
