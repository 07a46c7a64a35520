using System.Text.Json;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Weasel.Postgresql.Tables;

namespace Marketplace.Features.Catalog;

/// <summary>
/// The public catalog: one row per product a visitor may see (published, of an active shop), holding its API JSON as
/// served (<c>body</c> for the product page, <c>card</c> for lists) and its weighted search document (title A, tags B,
/// shop name C, description D). Rows are written in the transaction that changes the product or its shop, through
/// the session, so the catalog is never behind the products; reads serve the stored JSON without deserializing it.
/// </summary>
public static class CatalogListings
{
    public const string Name = CritterStackSetup.DocumentSchema + ".catalog_listing";

    /// <summary>The text search configuration of the search document and of every query against it.</summary>
    public const string Language = "english";

    /// <summary>
    /// What <see cref="Sync"/> writes, versioned: bump it whenever that changes (the view's shape, the search document),
    /// and every listing of an older format is written again at start-up (<see cref="CatalogListingRefresh"/>).
    /// </summary>
    public const int Format = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Table Schema()
    {
        var table = new Table(Name);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<Guid>("shop_id").NotNull();
        table.AddColumn("shop_slug", "text").NotNull();
        table.AddColumn("title", "text").NotNull().DefaultValueByExpression("''");
        table.AddColumn("tags", "text[]").NotNull();
        table.AddColumn("price_amount", "bigint").NotNull();
        table.AddColumn("published_at", "timestamptz").NotNull();
        table.AddColumn("search", "tsvector").NotNull();
        table.AddColumn("has_cover", "boolean").NotNull().DefaultValueByExpression("false");
        table.AddColumn("body", "text").NotNull();
        table.AddColumn("card", "text").NotNull();
        table.AddColumn("format", "integer").NotNull().DefaultValueByExpression("0");
        table.Indexes.Add(new IndexDefinition("ix_catalog_listing_search") { Columns = ["search"], Method = IndexMethod.gin });
        table.Indexes.Add(new IndexDefinition("ix_catalog_listing_title") { Columns = ["title"], Method = IndexMethod.gin, Mask = "? gin_trgm_ops" });
        table.Indexes.Add(new IndexDefinition("ix_catalog_listing_tags") { Columns = ["tags"], Method = IndexMethod.gin });
        table.Indexes.Add(new IndexDefinition("ix_catalog_listing_newest") { Columns = ["published_at", "id"], SortOrder = SortOrder.Desc });
        table.Indexes.Add(new IndexDefinition("ix_catalog_listing_price") { Columns = ["price_amount", "id"] });
        table.Indexes.Add(new IndexDefinition("ix_catalog_listing_shop") { Columns = ["shop_id", "published_at"] });
        return table;
    }

    /// <summary>Whether visitors may see the product now: published, in an active shop.</summary>
    public static bool IsListed(Product product, Shop shop) =>
        product.Status == ProductStatus.Published && shop.Status == ShopStatus.Active;

    /// <summary>Queues, in the session's transaction, the product's listing as it should now be: written, or removed.</summary>
    public static void Sync(IDocumentSession session, Product product, Shop shop)
    {
        if (!IsListed(product, shop))
        {
            Remove(session, product.Id);
            return;
        }

        session.QueueSqlCommand(Upsert, UpsertValues(product, shop));
    }

    /// <summary>
    /// Writes one listing (<c>?</c> placeholders, in the order of <see cref="UpsertValues"/>): the statement <see cref="Sync"/>
    /// queues, public so that the catalog benchmark seeds its rows with the very same SQL and JSON.
    /// </summary>
    public static readonly string Upsert =
        $"""
        insert into {Name} (id, shop_id, shop_slug, title, tags, price_amount, published_at, has_cover, format, search, body, card)
        values (?, ?, ?, ?, ?, ?, ?, ?, {Format},
            setweight(to_tsvector('{Language}', ?), 'A') || setweight(to_tsvector('{Language}', ?), 'B')
            || setweight(to_tsvector('{Language}', ?), 'C') || setweight(to_tsvector('{Language}', ?), 'D'), ?, ?)
        on conflict (id) do update set shop_id = excluded.shop_id, shop_slug = excluded.shop_slug, title = excluded.title, tags = excluded.tags,
            price_amount = excluded.price_amount, published_at = excluded.published_at, has_cover = excluded.has_cover, search = excluded.search,
            format = excluded.format, body = excluded.body, card = excluded.card
        """;

    /// <summary>The values of <see cref="Upsert"/>'s placeholders for a listed product: its columns, the four weighted texts, its JSON.</summary>
    public static object[] UpsertValues(Product product, Shop shop)
    {
        var view = ProductView.Of(product, shop);
        return
        [
            product.Id, shop.Id, shop.Slug, product.Title, product.Tags.ToArray(), product.PriceAmount, product.PublishedAt ?? product.UpdatedAt,
            product.CoverVersion is not null,
            product.Title, string.Join(' ', product.Tags.Select(t => t.Replace('-', ' '))), shop.Name, product.Description,
            JsonSerializer.Serialize(view, Json), JsonSerializer.Serialize(ProductCard.Of(view), Json),
        ];
    }

    public static void Remove(IDocumentSession session, Guid productId) =>
        session.QueueSqlCommand($"delete from {Name} where id = ?", productId);
}
