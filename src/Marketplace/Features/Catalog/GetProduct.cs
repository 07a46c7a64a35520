using System.Data;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Postgres;
using Marten;
using Npgsql;

namespace Marketplace.Features.Catalog;

/// <summary>
/// A product's page data. A listed product is served as its stored JSON, straight from the catalog row, whoever asks;
/// a draft or unpublished one only to its seller (with what they need to manage it), and is a 404 to everyone else.
/// </summary>
public static class GetProduct
{
    private const string ListedJsonSql = "select body from " + CatalogListings.Name + " where id = $1";

    public static void Map(RouteGroupBuilder products)
    {
        products.MapGet("/{productId:guid}", GetAsync).WithName("GetProduct")
            .WithSummary("A published product; the seller also sees their drafts and unpublished products.")
            .Produces<ProductView>().ProducesProblem(StatusCodes.Status404NotFound);
        products.MapGet("/{productId:guid}/manage", ManageAsync).RequireAuthorization(Policies.Member).WithName("GetProductForSeller")
            .WithSummary("The product with the seller's details: what is missing to publish it, and its files' checks (the shop's owner or an admin).")
            .Produces<ProductView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> GetAsync(Guid productId, NpgsqlDataSource database, HttpContext http)
    {
        if (await ListedJsonAsync(database, productId, http.RequestAborted) is { } json)
        {
            return new StoredJson(json);
        }

        // Not listed: only its seller may see it, from the documents. The Marten session is resolved here rather than
        // taken as a parameter, so that the visitors' requests for listed products (nearly all) never create one.
        return await ManageAsync(productId, http.RequestServices.GetRequiredService<IQuerySession>(), http);
    }

    public static async Task<IResult> ManageAsync(Guid productId, IQuerySession session, HttpContext http)
    {
        var managed = await ProductAccess.ManagedAsync(session, productId, http.User, http.RequestAborted);
        return managed is null
            ? ProductProblems.NotFound()
            : TypedResults.Ok(await ProductPublishing.SellerViewAsync(session, managed.Product, managed.Shop, http.RequestAborted));
    }

    /// <summary>Whether the product is in the catalog, without reading its JSON.</summary>
    public static async Task<bool> IsListedAsync(NpgsqlDataSource database, Guid productId, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select exists (select 1 from {CatalogListings.Name} where id = $1)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = productId });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The listed product's stored JSON as the UTF-8 bytes PostgreSQL sends, never decoded into a string.</summary>
    public static async Task<byte[]?> ListedJsonAsync(NpgsqlDataSource database, Guid productId, CancellationToken ct)
    {
        // The busiest read of the site, so prepared (PreparedCommand).
        await using var prepared = await PreparedCommand.OpenAsync(database, ListedJsonSql, [new NpgsqlParameter<Guid> { TypedValue = productId }], ct);
        await using var reader = await prepared.Command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        // The row is already buffered (not sequential access), so reading its column as a stream does no I/O.
        await using var column = reader.GetStream(0);
        var json = new byte[column.Length];
        column.ReadExactly(json);
        return json;
    }
}
