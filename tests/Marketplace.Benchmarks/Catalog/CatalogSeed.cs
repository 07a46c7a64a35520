using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Features.Catalog;
using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Shops;
using Npgsql;

namespace Marketplace.Benchmarks.Catalog;

/// <summary>
/// Writes the benchmark's listed products into the app's catalog table as the app itself would: each product is built
/// by the app's own <see cref="ProductEditing.Apply"/> (normalized title, slug, tags, Markdown rendered and sanitized)
/// and written with <see cref="CatalogListings.Upsert"/> and <see cref="CatalogListings.UpsertValues"/>, the statement
/// and values <see cref="CatalogListings.Sync"/> uses when a product is published (same JSON, same weighted tsvector).
/// The products are the same on every run (a fixed random seed); listings of these shops that are neither among them nor
/// of a real product (the demo shop's own) are removed.
/// </summary>
public static partial class CatalogSeed
{
    private const int Seed = 20261204;
    private const int BatchSize = 250;
    private const string Products = "marketplace.mt_doc_product";
    private static readonly DateTimeOffset Newest = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Seeds <paramref name="count"/> listed products spread over <paramref name="shops"/> (weighted); answers their ids.</summary>
    public static async Task<Guid[]> SeedAsync(NpgsqlDataSource database, IReadOnlyList<(Shop Shop, int Weight)> shops, int count)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(Seed);
        var markdown = new ForumMarkdown();
        var products = Enumerable.Range(0, count).Select(i => Make(random, markdown, Choose(random, shops), i)).ToArray();
        var sql = Positional(CatalogListings.Upsert);
        await using (var connection = await database.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var chunk in products.Chunk(BatchSize))
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var (product, shop) in chunk)
                {
                    var command = new NpgsqlBatchCommand(sql);
                    foreach (var value in CatalogListings.UpsertValues(product, shop))
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = value });
                    }

                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync();
            }

            await using var stale = new NpgsqlCommand(
                $"delete from {CatalogListings.Name} l where shop_id = any($1) and id <> all($2) and not exists (select from {Products} p where p.id = l.id)",
                connection, transaction);
            stale.Parameters.Add(new NpgsqlParameter { Value = shops.Select(s => s.Shop.Id).ToArray() });
            stale.Parameters.Add(new NpgsqlParameter { Value = products.Select(p => p.Product.Id).ToArray() });
            var removed = await stale.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            Console.WriteLine($"// seeded {count} listed products in {clock.Elapsed.TotalSeconds:F1} s ({removed} stale listings removed)");
        }

        await using (var vacuum = database.CreateCommand($"vacuum analyze {CatalogListings.Name}"))
        {
            await vacuum.ExecuteNonQueryAsync();
        }

        return [.. products.Select(p => p.Product.Id)];
    }

    private static Shop Choose(Random random, IReadOnlyList<(Shop Shop, int Weight)> shops)
    {
        var ticket = random.Next(shops.Sum(s => s.Weight));
        foreach (var (shop, weight) in shops)
        {
            if ((ticket -= weight) < 0)
            {
                return shop;
            }
        }

        return shops[^1].Shop;
    }

    private static (Product Product, Shop Shop) Make(Random random, ForumMarkdown markdown, Shop shop, int index)
    {
        var adjective = CatalogWords.Pick(random, CatalogWords.Adjectives);
        var subject = CatalogWords.Pick(random, CatalogWords.Subjects);
        var kind = CatalogWords.Pick(random, CatalogWords.Kinds);
        var title = random.Next(10) switch
        {
            < 5 => $"{adjective} {subject} {kind}",
            < 7 => $"{adjective} {kind}",
            < 9 => $"{adjective} {subject} {kind}, Vol. {1 + random.Next(6)}",
            _ => $"{subject} {kind} Bundle",
        };
        var tags = Enumerable.Range(0, 2 + random.Next(5)).Select(_ => CatalogWords.Pick(random, CatalogWords.Tags)).ToList();
        var amount = random.Next(10) == 0 ? 0 : (100 * (1 + CatalogWords.Zipf(random, 60))) - 1;
        var fields = new ProductRules.Fields(title, Description(random, adjective, subject, kind), new ProductRules.Price(amount, "usd"), tags,
            EditionSize: random.Next(20) == 0 ? 50 * (1 + random.Next(20)) : null);
        var publishedAt = Newest.AddMinutes(-random.Next(2 * 365 * 24 * 60));
        var product = new Product
        {
            Id = NewId(random),
            ShopId = shop.Id,
            Status = ProductStatus.Published,
            CreatedAt = publishedAt.AddDays(-1),
            PublishedAt = publishedAt,
            CoverVersion = random.Next(10) < 7 ? index.ToString("x8", CultureInfo.InvariantCulture) : null,
        };
        ProductEditing.Apply(product, fields, markdown, publishedAt.AddMinutes(random.Next(60 * 24 * 30)));
        product.Files = [.. Enumerable.Range(0, 1 + CatalogWords.Zipf(random, 4)).Select(f => new ProductFile
        {
            Id = NewId(random),
            Name = f == 0 ? $"{product.Slug}.zip" : $"{product.Slug}-extras-{f}.zip",
            Size = 1024L * (200 + random.Next(400_000)),
            ContentType = "application/zip",
            Kind = "zip",
            UploadedAt = publishedAt.AddHours(-2),
        })];
        return (product, shop);
    }

    /// <summary>Markdown as a seller writes it: a paragraph of two to four sentences, then what is included as a list.</summary>
    private static string Description(Random random, string adjective, string subject, string kind)
    {
        string Prose() => CatalogWords.Pick(random, CatalogWords.Prose);
        var sentences = new List<string>
        {
            $"A {adjective.ToLowerInvariant()} set of {subject.ToLowerInvariant()} {kind.ToLowerInvariant()} for {Prose()} and {Prose()}.",
        };
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            sentences.Add($"{Capitalized(Prose())} {Prose()} with **{Prose()}** {Prose()}, {Prose()} {Prose()} and {Prose()} {Prose()}.");
        }

        var included = Enumerable.Range(0, 2 + random.Next(4))
            .Select(_ => $"- {1 + random.Next(120)} {Prose()} {Prose()} ({CatalogWords.Pick(random, CatalogWords.Tags)})");
        return $"{string.Join(' ', sentences)}\n\nIn the download:\n\n{string.Join('\n', included)}\n\nMade for {Prose()} {Prose()} and {Prose()}.";
    }

    /// <summary>An id from the seeded random numbers, so that a product keeps its id from run to run.</summary>
    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>Marten's <c>?</c> placeholders as Npgsql's positional <c>$1</c>, <c>$2</c>… (the statement has no other question mark).</summary>
    private static string Positional(string sql)
    {
        var n = 0;
        return Placeholder().Replace(sql, _ => $"${++n}");
    }

    [GeneratedRegex(@"\?")]
    private static partial Regex Placeholder();
}
