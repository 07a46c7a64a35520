using System.Text.Json;
using Marketplace.Infrastructure.Web;
using Npgsql;

namespace Marketplace.Features.Catalog;

/// <summary>
/// The catalog: listed products, full-text searched (title above tags above shop name above description), filtered,
/// sorted and paged, with the total. Each item is the stored card JSON, written through without being deserialized.
/// </summary>
public static class SearchProducts
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;

    public sealed record Query(
        string? Q = null, string? Shop = null, string? Tag = null, long? MinPrice = null, long? MaxPrice = null, bool? Free = null,
        string? Sort = null, int? Page = null, int? PageSize = null);

    /// <summary>A page of results as the pages read it; the API writes the same rows as JSON.</summary>
    /// <param name="Cards">Each product's stored card JSON.</param>
    /// <param name="Total">How many products match in all.</param>
    /// <param name="Number">The page number (1 and up).</param>
    /// <param name="Size">The page size.</param>
    /// <param name="Approximate">Nothing matched the words, so these are titles that look like them (typos).</param>
    public sealed record Page(IReadOnlyList<string> Cards, long Total, int Number, int Size, bool Approximate = false);

    public static void Map(RouteGroupBuilder products) =>
        products.MapGet("", GetAsync).WithName("SearchProducts")
            .WithSummary("Published products. `q` searches titles, tags, shop names and descriptions (words match as prefixes; quotes, `or` and `-` as on the web); " +
                "filters `shop` (id or address), `tag`, `minPrice`/`maxPrice` (minor units), `free`; `sort` = relevance (default with `q`), newest (default), price, price-desc.")
            .Produces<ProductPage>();

    /// <summary>The response's shape, for the API reference.</summary>
    public sealed record ProductPage(IReadOnlyList<ProductCard> Items, long Total, int Page, int PageSize, bool Approximate);

    public static async Task GetAsync(
        string? q, string? shop, string? tag, long? minPrice, long? maxPrice, bool? free, string? sort, int? page, int? pageSize,
        NpgsqlDataSource database, HttpContext http)
    {
        var result = await RunAsync(database, new Query(q, shop, tag, minPrice, maxPrice, free, sort, page, pageSize), http.RequestAborted);
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartArray("items");
        foreach (var card in result.Cards)
        {
            json.WriteRawValue(card, skipInputValidation: true);
        }

        json.WriteEndArray();
        json.WriteNumber("total", result.Total);
        json.WriteNumber("page", result.Number);
        json.WriteNumber("pageSize", result.Size);
        json.WriteBoolean("approximate", result.Approximate);
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    /// <summary>The page of results; when the words matched nothing, the titles most like them instead.</summary>
    public static async Task<Page> RunAsync(NpgsqlDataSource database, Query query, CancellationToken ct)
    {
        var page = await RunAsync(database, query, approximate: false, ct);
        return page.Total == 0 && CatalogQuery.Terms(query.Q).Count > 0 && (query.Sort is null or "" or "relevance")
            ? await RunAsync(database, query, approximate: true, ct)
            : page;
    }

    private static async Task<Page> RunAsync(NpgsqlDataSource database, Query query, bool approximate, CancellationToken ct)
    {
        var number = Paging.Number(query.Page);
        var size = Paging.Size(query.PageSize, DefaultPageSize, MaxPageSize);
        await using var command = database.CreateCommand();
        var sql = CatalogQuery.Build(query, command.Parameters, approximate);
        command.CommandText = $"{sql} limit {size} offset {(number - 1) * size}";
        var cards = new List<string>(size);
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                cards.Add(reader.GetString(0));
                total = reader.GetInt64(1);
            }
        }

        if (cards.Count == 0 && number > 1)
        {
            // past the last page: the window count saw no row, so count the matches on their own
            command.CommandText = $"select count(*) from ({sql}) matches";
            total = (long)(await command.ExecuteScalarAsync(ct))!;
        }

        return new Page(cards, total, number, size, approximate);
    }
}
