namespace Marketplace.Benchmarks.Catalog;

/// <summary>One server under test, with the URLs of both endpoints for every seeded product and every chosen query.</summary>
public sealed class CatalogTarget(string side, int processId, Uri[] products, Uri[] searches)
{
    public string Side { get; } = side;

    public int ProcessId { get; } = processId;

    public Uri[] Products { get; } = products;

    public Uri[] Searches { get; } = searches;

    /// <summary>The app: <c>GET /api/products/{id}</c> and <c>GET /api/products?q=</c> (default sort with a query: relevance; page 1 of 24).</summary>
    public static CatalogTarget App(Uri baseAddress, int processId, Guid[] ids, CatalogSearch[] queries) => new(CatalogReport.App, processId,
        [.. ids.Select(id => new Uri(baseAddress, $"api/products/{id}"))],
        [.. queries.Select(q => new Uri(baseAddress, $"api/products?q={Uri.EscapeDataString(q.Query)}"))]);

    /// <summary>The raw peer: <c>GET /products/{id}</c> and <c>GET /search?q=</c>.</summary>
    public static CatalogTarget Peer(Uri baseAddress, int processId, Guid[] ids, CatalogSearch[] queries) => new(CatalogReport.Peer, processId,
        [.. ids.Select(id => new Uri(baseAddress, $"products/{id}"))],
        [.. queries.Select(q => new Uri(baseAddress, $"search?q={Uri.EscapeDataString(q.Query)}"))]);

    /// <summary>A source of URLs for the endpoint: a product or a query picked uniformly at random for each request.</summary>
    public Func<Uri> Next(string endpoint)
    {
        var urls = endpoint == CatalogReport.Product ? Products : Searches;
        return () => urls[Random.Shared.Next(urls.Length)];
    }

    /// <summary>
    /// Checks that both servers answer every query, and a sample of products, with the same status, content type and
    /// bytes: the comparison is of the same work. Prints the first difference; answers whether there was none.
    /// </summary>
    public static async Task<bool> SameJsonAsync(CatalogTarget app, CatalogTarget peer, int productSample)
    {
        using var client = new HttpLoad(4);
        var pairs = app.Products.Zip(peer.Products).Take(productSample).Concat(app.Searches.Zip(peer.Searches)).ToArray();
        long bytes = 0;
        foreach (var (appUrl, peerUrl) in pairs)
        {
            var (appAnswer, peerAnswer) = (await client.FetchAsync(appUrl), await client.FetchAsync(peerUrl));
            if (appAnswer.Status != peerAnswer.Status || appAnswer.ContentType != peerAnswer.ContentType || !appAnswer.Body.AsSpan().SequenceEqual(peerAnswer.Body))
            {
                Console.Error.WriteLine($"// different answers: {appUrl} {(int)appAnswer.Status} {appAnswer.ContentType} {appAnswer.Body.Length} B, " +
                    $"{peerUrl} {(int)peerAnswer.Status} {peerAnswer.ContentType} {peerAnswer.Body.Length} B");
                return false;
            }

            bytes += appAnswer.Body.Length;
        }

        Console.WriteLine($"// same answers from both: {Math.Min(productSample, app.Products.Length)} products and {app.Searches.Length} searches, " +
            $"byte for byte ({bytes:N0} B in all)");
        return true;
    }
}
