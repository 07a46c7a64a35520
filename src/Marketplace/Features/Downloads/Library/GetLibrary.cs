using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Downloads.Copies;
using Marketplace.Features.Downloads.Serving;
using Marketplace.Features.Orders;
using Marten;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Downloads.Library;

/// <summary>
/// <c>GET /api/library</c>: the caller's purchases, newest first (at most <see cref="MaxItems"/>), each with the product's
/// current files, the downloads left of each and the state of the buyer's copy. A file the seller removed is no longer
/// listed; one they replaced is listed once, as its newest revision.
/// </summary>
public static class GetLibrary
{
    public const int MaxItems = 500;

    public static void Map(RouteGroupBuilder library) =>
        library.MapGet("", GetAsync).RequireAuthorization(Policies.Member).WithName("GetLibrary")
            .WithSummary("The caller's purchases with their files, remaining downloads, state (active, revoked, frozen) and copy state.")
            .Produces<IReadOnlyList<LibraryItem>>();

    public static async Task<IResult> GetAsync(IQuerySession session, IOptions<DownloadOptions> options, HttpContext http) =>
        TypedResults.Ok(await ReadAsync(session, Members.IdOf(http.User)!.Value, options.Value, http.RequestAborted));

    public static async Task<IReadOnlyList<LibraryItem>> ReadAsync(IQuerySession session, Guid buyerId, DownloadOptions options, CancellationToken ct)
    {
        var entitlements = await session.Query<Entitlement>().Where(e => e.BuyerId == buyerId).OrderByDescending(e => e.CreatedAt).Take(MaxItems).ToListAsync(ct);
        if (entitlements.Count == 0)
        {
            return [];
        }

        var products = (await session.LoadManyAsync<Product>(ct, entitlements.Select(e => e.ProductId).Distinct().ToArray())).ToDictionary(p => p.Id);
        var copies = (await session.Query<BuyerCopy>().Where(c => c.BuyerId == buyerId).ToListAsync(ct)).ToDictionary(c => c.Id);
        var copyIds = entitlements.SelectMany(e => products.TryGetValue(e.ProductId, out var p) ? p.Files.Select(f => BuyerCopy.IdOf(e.Id, f.Id)) : []).ToArray();
        var allowances = (await session.LoadManyAsync<DownloadAllowance>(ct, copyIds)).ToDictionary(a => a.Id);
        return [.. entitlements.Where(e => products.ContainsKey(e.ProductId)).Select(e =>
        {
            var product = products[e.ProductId];
            var limit = product.DownloadLimit ?? options.DefaultDownloadLimit;
            return new LibraryItem(e.Id, e.OrderId, product.Id, product.Title, ProductView.UrlOf(product), LibraryNames.State(e.State),
                LibraryNames.StateText(e.State), e.CreatedAt, [.. product.Files.Select(file =>
                {
                    var id = BuyerCopy.IdOf(e.Id, file.Id);
                    var copy = copies.GetValueOrDefault(id) is { } found && found.SourceRevision == file.Revision ? found : null;
                    var completed = Math.Min(limit, allowances.GetValueOrDefault(id)?.Completed ?? 0);
                    return new LibraryFile(file.Id, file.Name, file.Size, file.Kind, limit, completed, limit - completed,
                        LibraryNames.Copy(copy?.State ?? CopyState.Preparing), LibraryNames.CopyText(copy), $"/api/library/{e.Id}/files/{file.Id}/link");
                })]);
        })];
    }
}
