using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Infrastructure.Postgres;
using Npgsql;

namespace Marketplace.Benchmarks.Catalog;

/// <summary>
/// The raw peer of the catalog, run as <c>Marketplace.Benchmarks.dll catalog-peer --port N</c> in a process of its
/// own: a bare minimal API (<c>CreateSlimBuilder</c>, no logging, no middleware) reading the app's catalog table
/// through one <see cref="NpgsqlDataSource"/> (the app's pool size), no Marten, no Wolverine. It serves the same JSON
/// from the same rows: the stored product body, and a page of stored cards in the app's envelope. The connection
/// string comes in <see cref="ConnectionVariable"/>, so it stays out of the process list.
/// </summary>
public static partial class CatalogPeerServer
{
    public const string ConnectionVariable = "CATALOG_PEER_CONNECTION";
    public const string ReadyLine = "catalog-peer ready";
    public const int PageSize = 24;

    private const string Table = "marketplace.catalog_listing";

    /// <summary>
    /// The raw full-text query: every word a prefix (<c>icon:* &amp; font:*</c>), ranked, newest first among equals, one
    /// page, and the total of matches as a window count (the envelope carries it). The app's SQL for <c>?q=</c> is the same.
    /// </summary>
    public static readonly string SearchSql =
        $"select card, count(*) over () from {Table} where search @@ to_tsquery('english', $1) " +
        $"order by ts_rank(search, to_tsquery('english', $1)) desc, published_at desc, id desc limit {PageSize}";

    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[Array.IndexOf(args, "--port") + 1], CultureInfo.InvariantCulture);
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable) ?? throw new InvalidOperationException($"{ConnectionVariable} is not set.");
        await using var dataSource = NpgsqlDataSource.Create(PostgresSetup.WithPoolSize(connection));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        await using var app = builder.Build();
        app.MapGet("/products/{id:guid}", async (Guid id, HttpContext http) =>
        {
            await using var command = dataSource.CreateCommand($"select body from {Table} where id = $1");
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            return await command.ExecuteScalarAsync(http.RequestAborted) is string body
                ? Results.Text(body, "application/json", Encoding.UTF8)
                : Results.NotFound();
        });
        app.MapGet("/search", async (string q, HttpContext http) =>
        {
            await using var command = dataSource.CreateCommand(SearchSql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = TsQuery(q) });
            var cards = new List<string>(PageSize);
            long total = 0;
            await using (var reader = await command.ExecuteReaderAsync(http.RequestAborted))
            {
                while (await reader.ReadAsync(http.RequestAborted))
                {
                    cards.Add(reader.GetString(0));
                    total = reader.GetInt64(1);
                }
            }

            http.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
            json.WriteStartObject();
            json.WriteStartArray("items");
            foreach (var card in cards)
            {
                json.WriteRawValue(card, skipInputValidation: true);
            }

            json.WriteEndArray();
            json.WriteNumber("total", total);
            json.WriteNumber("page", 1);
            json.WriteNumber("pageSize", PageSize);
            json.WriteBoolean("approximate", false); // the app's typo fallback runs only when nothing matched; every query here matches
            json.WriteEndObject();
            await json.FlushAsync(http.RequestAborted);
        });
        await app.StartAsync();
        Console.WriteLine(ReadyLine);
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>Every word of the query as a prefix, all required: <c>hand-drawn icons</c> → <c>hand:* &amp; drawn:* &amp; icons:*</c>.</summary>
    public static string TsQuery(string q) => string.Join(" & ", Words().Matches(q).Select(w => w.Value + ":*"));

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
