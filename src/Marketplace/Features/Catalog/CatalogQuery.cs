using System.Text.RegularExpressions;
using Npgsql;

namespace Marketplace.Features.Catalog;

/// <summary>Turns a catalog search into one parameterized SQL query over <see cref="CatalogListings"/>: no input ever becomes SQL text.</summary>
public static partial class CatalogQuery
{
    private const int MaxTerms = 8;
    private const int MaxTermLength = 40;

    public static string Build(SearchProducts.Query query, NpgsqlParameterCollection parameters)
    {
        var text = TextQuery(query.Q, parameters);
        var where = new List<string>();
        if (text is not null)
        {
            where.Add($"l.search @@ {text}");
        }
        else if (!string.IsNullOrWhiteSpace(query.Q))
        {
            where.Add("false"); // only punctuation: nothing can match it
        }

        if (query.Shop is { Length: > 0 } shop)
        {
            where.Add(Guid.TryParse(shop, out var shopId) ? $"l.shop_id = {Add(parameters, shopId)}" : $"l.shop_slug = {Add(parameters, shop)}");
        }

        if (query.Tag is { Length: > 0 } tag)
        {
            where.Add($"l.tags @> array[{Add(parameters, ProductRules.NormalizeTag(tag))}]");
        }

        if (query.Free == true)
        {
            where.Add("l.price_amount = 0");
        }

        if (query.MinPrice is { } min)
        {
            where.Add($"l.price_amount >= {Add(parameters, min)}");
        }

        if (query.MaxPrice is { } max)
        {
            where.Add($"l.price_amount <= {Add(parameters, max)}");
        }

        var order = (query.Sort?.ToLowerInvariant(), text) switch
        {
            ("price", _) => "l.price_amount, l.published_at desc, l.id desc",
            ("price-desc", _) => "l.price_amount desc, l.published_at desc, l.id desc",
            ("newest", _) or (_, null) => "l.published_at desc, l.id desc",
            _ => $"ts_rank(l.search, {text}) desc, l.published_at desc, l.id desc",
        };
        var filter = where.Count == 0 ? "" : "where " + string.Join(" and ", where);
        return $"select l.card, count(*) over () from {CatalogListings.Name} l {filter} order by {order}";
    }

    /// <summary>
    /// Plain words match as prefixes, so the search box finds "icons" while "ico" is typed; a query that uses web
    /// search syntax (quotes, <c>or</c>, <c>-word</c>) is read as such. Null when there is nothing to search for.
    /// </summary>
    private static string? TextQuery(string? q, NpgsqlParameterCollection parameters)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return null;
        }

        if (q.Contains('"') || q.Contains(" or ", StringComparison.OrdinalIgnoreCase) || q.Contains(" -", StringComparison.Ordinal) || q.StartsWith('-'))
        {
            return $"websearch_to_tsquery('{CatalogListings.Language}', {Add(parameters, q)})";
        }

        var terms = Words().Matches(q).Select(m => m.Value[..Math.Min(m.Value.Length, MaxTermLength)]).Take(MaxTerms).ToList();
        return terms.Count == 0
            ? null
            : $"to_tsquery('{CatalogListings.Language}', {Add(parameters, string.Join(" & ", terms.Select(t => t + ":*")))})";
    }

    private static string Add<T>(NpgsqlParameterCollection parameters, T value)
    {
        parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return $"${parameters.Count}";
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
