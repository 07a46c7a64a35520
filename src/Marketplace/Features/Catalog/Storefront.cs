using System.Text.Json;
using Npgsql;

namespace Marketplace.Features.Catalog;

/// <summary>What the storefront pages read from the catalog: cards, as the API serves them, made objects for Razor.</summary>
public static class Storefront
{
    public sealed record ShopCard(Guid Id, string Slug, string Name, string? LogoUrl, int Products);

    public static IReadOnlyList<ProductCard> Cards(SearchProducts.Page page) =>
        [.. page.Cards.Select(card => JsonSerializer.Deserialize<ProductCard>(card, CatalogListings.Json)!)];

    public static async Task<IReadOnlyList<ProductCard>> NewestAsync(NpgsqlDataSource database, int count, CancellationToken ct) =>
        Cards(await SearchProducts.RunAsync(database, new SearchProducts.Query(Sort: "newest", PageSize: count), ct));

    /// <summary>
    /// Products with a cover, a different handful each day (the same for everyone that day), so every seller gets a
    /// turn on the front page.
    /// </summary>
    public static async Task<IReadOnlyList<ProductCard>> FeaturedAsync(NpgsqlDataSource database, int count, DateOnly today, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select card from {CatalogListings.Name} where has_cover order by md5(id::text || $1) limit $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = today.ToString("O") });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        return await ReadCardsAsync(command, ct);
    }

    /// <summary>Shops with something to sell, the most recently active first.</summary>
    public static async Task<IReadOnlyList<ShopCard>> ShopsAsync(NpgsqlDataSource database, int count, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"""
            select (array_agg(card order by published_at desc))[1], count(*) from {CatalogListings.Name}
            group by shop_id order by max(published_at) desc limit $1
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        var shops = new List<ShopCard>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var shop = JsonSerializer.Deserialize<ProductCard>(reader.GetString(0), CatalogListings.Json)!.Shop;
            shops.Add(new ShopCard(shop.Id, shop.Slug, shop.Name, shop.LogoUrl, (int)reader.GetInt64(1)));
        }

        return shops;
    }

    private static async Task<IReadOnlyList<ProductCard>> ReadCardsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var cards = new List<ProductCard>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cards.Add(JsonSerializer.Deserialize<ProductCard>(reader.GetString(0), CatalogListings.Json)!);
        }

        return cards;
    }
}
