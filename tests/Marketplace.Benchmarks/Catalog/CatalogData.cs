using System.Globalization;
using Marketplace.Features.Catalog;
using Marketplace.Features.Shops;
using Npgsql;

namespace Marketplace.Benchmarks.Catalog;

/// <summary>A search query of the benchmark and how many listed products it matches.</summary>
public sealed record CatalogSearch(string Query, long Matches);

/// <summary>The catalog the benchmark reads: real shops opened through the app's API, seeded products, and queries chosen by how much they match.</summary>
public static class CatalogData
{
    /// <summary>
    /// Four shops, one per demo member: the demo seller's (opened by the Development seed) and three more opened through
    /// <c>POST /api/shops</c> by the other demo accounts (each member may own one shop). Weights: the share of products.
    /// </summary>
    public static async Task<IReadOnlyList<(Shop Shop, int Weight)>> EnsureShopsAsync(Uri baseAddress)
    {
        (string Email, string Name, string Slug, string Description, int Weight)[] owners =
        [
            ("seller@marketplace.localhost", "", Marketplace.Features.Payouts.DemoShop.Slug, "", 4),
            ("admin@marketplace.localhost", "Northwind Pixel Supply", "northwind-pixel-supply", "Icons, sprites and tilesets for games and apps.", 2),
            ("moderator@marketplace.localhost", "Loop and Grain Audio", "loop-and-grain-audio", "Loops, sample packs and sound effects, cleared for commercial use.", 2),
            ("buyer@marketplace.localhost", "Paper Moon Studio", "paper-moon-studio", "Planners, templates and printable paper goods.", 2),
        ];
        var shops = new List<(Shop, int)>();
        foreach (var owner in owners)
        {
            using var api = await SellerApi.SignInAsync(baseAddress, owner.Email);
            var view = await api.EnsureShopAsync(owner.Name, owner.Slug, owner.Description, openedBySeed: owner.Name.Length == 0);
            shops.Add((new Shop { Id = view.Id, OwnerId = view.OwnerId, Name = view.Name, Slug = view.Slug, Description = view.Description, Status = ShopStatus.Active }, owner.Weight));
            Console.WriteLine($"// shop {view.Slug} ({view.Name}), {owner.Weight * 10}% of the products");
        }

        return shops;
    }

    /// <summary>
    /// Queries drawn from the word list, up to <paramref name="perBand"/> from each band of matches (1,000 or more,
    /// 100 to 999, 10 to 99, 1 to 9), spread evenly over each band: some match a good part of the catalog, some a handful.
    /// </summary>
    public static async Task<CatalogSearch[]> ChooseQueriesAsync(NpgsqlDataSource database, int perBand = 6)
    {
        var counted = new List<CatalogSearch>();
        foreach (var query in CatalogWords.CandidateQueries().Distinct(StringComparer.Ordinal))
        {
            await using var count = database.CreateCommand($"select count(*) from {CatalogListings.Name} where search @@ to_tsquery('english', $1)");
            count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = CatalogPeerServer.TsQuery(query) });
            counted.Add(new CatalogSearch(query, (long)(await count.ExecuteScalarAsync())!));
        }

        long[][] bands = [[1000, long.MaxValue], [100, 999], [10, 99], [1, 9]];
        var chosen = bands.SelectMany(band =>
        {
            var inBand = counted.Where(c => c.Matches >= band[0] && c.Matches <= band[1]).OrderBy(c => c.Matches).ThenBy(c => c.Query, StringComparer.Ordinal).ToArray();
            return inBand.Length <= perBand ? inBand : Enumerable.Range(0, perBand).Select(i => inBand[i * (inBand.Length - 1) / (perBand - 1)]);
        }).ToArray();
        Console.WriteLine($"// {chosen.Length} search queries (of {counted.Count} candidates, {counted.Count(c => c.Matches == 0)} matching nothing): " +
            string.Join(", ", chosen.Select(c => string.Create(CultureInfo.InvariantCulture, $"\"{c.Query}\" {c.Matches}"))));
        return chosen;
    }
}
