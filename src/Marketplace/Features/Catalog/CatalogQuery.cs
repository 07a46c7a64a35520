using System.Text.RegularExpressions;
using Npgsql;

namespace Marketplace.Features.Catalog;

/// <summary>Turns a catalog search into one parameterized SQL query over <see cref="CatalogListings"/>: no input ever becomes SQL text.</summary>
public static partial class CatalogQuery
{
    private const int MaxTerms = 8;
    private const int MaxTermLength = 40;

    /// <param name="query">What to look for, filters and order.</param>
    /// <param name="parameters">Where each value goes, as a positional parameter.</param>
    /// <param name="approximate">
    /// Match the words against titles by trigram similarity instead (<c>pg_trgm</c>'s word similarity), so a typo
    /// ("botanicl") still finds the product: the fallback when the full-text search found nothing.
    /// </param>
    public static string Build(SearchProducts.Query query, NpgsqlParameterCollection parameters, bool approximate = false)
    {
        var text = approximate ? null : TextQuery(query.Q, parameters);
        var similar = approximate ? Terms(query.Q).Select(term => Add(parameters, term)).ToList() : null;
        var where = new List<string>();
        if (similar is { Count: > 0 })
        {
            // any word like a word of the title; the closer and the more words, the higher
            where.Add("(" + string.Join(" or ", similar.Select(term => $"{term} <% l.title")) + ")");
        }
        else if (text is not null)
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
            _ when similar is { Count: > 0 } => $"{string.Join(" + ", similar.Select(term => $"word_similarity({term}, l.title)"))} desc, l.published_at desc, l.id desc",
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

        var terms = Terms(q);
        return terms.Count == 0
            ? null
            : $"to_tsquery('{CatalogListings.Language}', {Add(parameters, string.Join(" & ", terms.Select(t => t + ":*")))})";
    }

    /// <summary>The query's words (letters and digits), at most <see cref="MaxTerms"/> of at most <see cref="MaxTermLength"/> characters.</summary>
    public static IReadOnlyList<string> Terms(string? q) =>
        string.IsNullOrWhiteSpace(q) ? [] : [.. Words().Matches(q).Select(m => m.Value[..Math.Min(m.Value.Length, MaxTermLength)]).Take(MaxTerms)];

    private static string Add<T>(NpgsqlParameterCollection parameters, T value)
    {
        parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return $"${parameters.Count}";
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
