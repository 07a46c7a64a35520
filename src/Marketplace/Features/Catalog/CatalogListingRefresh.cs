using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Npgsql;

namespace Marketplace.Features.Catalog;

/// <summary>
/// At start-up, writes again every listing that is missing or of an older <see cref="CatalogListings.Format"/>: the
/// stored JSON is what visitors get, so a release that changes its shape must not serve the old one. Nodes starting
/// together take turns (an advisory lock); each batch commits on its own and rewriting is idempotent.
/// </summary>
public sealed partial class CatalogListingRefresh(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<CatalogListingRefresh> logger)
    : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        try
        {
            var refreshed = await RunAsync(scopes, stoppingToken);
            if (refreshed > 0)
            {
                LogRefreshed(logger, refreshed, CatalogListings.Format);
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, exception);
        }
    }

    /// <summary>Rewrites the stale listings; how many products it wrote.</summary>
    public static async Task<int> RunAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_lock(hashtextextended('catalog-listing-refresh', 0))", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        var refreshed = 0;
        var stale = await StaleAsync(connection, ct);
        foreach (var chunk in stale.Chunk(Batch))
        {
            await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().LightweightSession();
            var products = await session.LoadManyAsync<Product>(ct, chunk);
            var shops = (await session.LoadManyAsync<Shop>(ct, products.Select(p => p.ShopId).Distinct())).ToDictionary(s => s.Id);
            foreach (var product in products.Where(p => shops.ContainsKey(p.ShopId)))
            {
                CatalogListings.Sync(session, product, shops[product.ShopId]);
                refreshed += CatalogListings.IsListed(product, shops[product.ShopId]) ? 1 : 0;
            }

            await session.SaveChangesAsync(ct);
        }

        return refreshed;
    }

    /// <summary>Published products whose listing is missing or older, and listings of products that are not published.</summary>
    private static async Task<List<Guid>> StaleAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var products = $"{CritterStackSetup.DocumentSchema}.mt_doc_product";
        await using var command = new NpgsqlCommand(
            $"""
            select p.id from {products} p left join {CatalogListings.Name} l on l.id = p.id
            where (p.data ->> 'Status')::int = {(int)ProductStatus.Published} and (l.id is null or l.format < {CatalogListings.Format})
            union
            select l.id from {CatalogListings.Name} l left join {products} p on p.id = l.id
            where p.id is null or (p.data ->> 'Status')::int <> {(int)ProductStatus.Published}
            """, connection);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await Task.WhenAny(started.Task, Task.Delay(Timeout.Infinite, stoppingToken));
        return !stoppingToken.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rewrote {Count} catalog listings in format {Format}")]
    private static partial void LogRefreshed(ILogger logger, int count, int format);

    [LoggerMessage(Level = LogLevel.Error, Message = "The catalog listings could not be refreshed; they are rewritten at the next start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
