using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Forum;
using Marketplace.Features.Shops;
using Marten;

namespace Marketplace.Features.Moderation;

/// <summary>An item of the queue with everything a moderator needs to decide on it.</summary>
public sealed record QueueItemView(
    string Id, string Kind, DateTimeOffset OpenedAt, bool AutoHidden, QueueClaim? Claim, FlaggedPost? Post, ReportedProduct? Product,
    IReadOnlyList<QueueReport> Reports);

public sealed record QueueClaim(Guid By, string ByName, DateTimeOffset Until);

public sealed record FlaggedPost(Guid Id, Guid ThreadId, string ThreadTitle, long Seq, Guid AuthorId, string AuthorName, string Body, bool Hidden, DateTimeOffset CreatedAt);

public sealed record ReportedProduct(Guid Id, string Title, string Status, Guid ShopId, string ShopName, IReadOnlyList<CheckedFile> Files);

/// <summary>A product file and what its inspection noted when it was uploaded.</summary>
public sealed record CheckedFile(string Name, string Kind, long Size, IReadOnlyList<string> Warnings);

/// <summary>One flag or report, with its reporter's record: how many of their earlier flags and reports were decided, and how many upheld.</summary>
public sealed record QueueReport(Guid ReporterId, string ReporterName, string Reason, string? Text, DateTimeOffset At, int PastDecided, int PastUpheld);

/// <summary>Builds the views of a page of queue items with a handful of queries, whatever the page's size.</summary>
public static class ModerationQueueView
{
    private sealed record Report(Guid TargetId, Guid MemberId, string Reason, string? Text, DateTimeOffset At);

    public static async Task<IReadOnlyList<QueueItemView>> BuildAsync(IQuerySession session, IReadOnlyList<QueueItem> items, DateTimeOffset now, CancellationToken ct)
    {
        var postIds = items.Where(i => i.Kind == QueueKinds.Post).Select(i => i.TargetId).ToArray();
        var productIds = items.Where(i => i.Kind is QueueKinds.Product or QueueKinds.Review).Select(i => i.TargetId).ToArray();
        var posts = (await session.LoadManyAsync<ForumPost>(ct, postIds)).ToDictionary(p => p.Id);
        var threads = (await session.LoadManyAsync<ForumThread>(ct, posts.Values.Select(p => p.ThreadId).Distinct())).ToDictionary(t => t.Id);
        var products = (await session.LoadManyAsync<Product>(ct, productIds)).ToDictionary(p => p.Id);
        var shops = (await session.LoadManyAsync<Shop>(ct, products.Values.Select(p => p.ShopId).Distinct())).ToDictionary(s => s.Id);

        var flags = await session.Query<PostFlag>().Where(f => f.PostId.IsOneOf(postIds) && f.ResolvedAt == null).ToListAsync(ct);
        var reports = await session.Query<ProductReport>().Where(r => r.ProductId.IsOneOf(productIds) && r.ResolvedAt == null).ToListAsync(ct);
        var open = flags.Select(f => new Report(f.PostId, f.MemberId, f.Reason, f.Text, f.CreatedAt))
            .Concat(reports.Select(r => new Report(r.ProductId, r.MemberId, r.Reason, r.Text, r.CreatedAt))).ToList();
        var reporterIds = open.Select(r => r.MemberId).Distinct().ToArray();
        var names = (await session.LoadManyAsync<UserAccount>(ct, reporterIds)).ToDictionary(a => a.Id, a => a.DisplayName);
        var history = await HistoryAsync(session, reporterIds, ct);

        QueueReport View(Report r)
        {
            var (decided, upheld) = history.GetValueOrDefault(r.MemberId);
            return new QueueReport(r.MemberId, names.GetValueOrDefault(r.MemberId, "Deleted member"), r.Reason, r.Text, r.At, decided, upheld);
        }

        return [.. items.Select(item => new QueueItemView(
            item.Id, item.Kind, item.OpenedAt, item.AutoHidden,
            item.ClaimedBy is { } by && item.ClaimedUntil is { } until && until > now ? new QueueClaim(by, item.ClaimedByName ?? "", until) : null,
            posts.GetValueOrDefault(item.TargetId) is { } post ? PostOf(post, threads.GetValueOrDefault(post.ThreadId)) : null,
            products.GetValueOrDefault(item.TargetId) is { } product ? ProductOf(product, shops.GetValueOrDefault(product.ShopId)) : null,
            [.. open.Where(r => r.TargetId == item.TargetId).OrderBy(r => r.At).Select(View)]))];
    }

    private static async Task<Dictionary<Guid, (int Decided, int Upheld)>> HistoryAsync(IQuerySession session, Guid[] reporterIds, CancellationToken ct)
    {
        var flagOutcomes = await session.Query<PostFlag>().Where(f => f.MemberId.IsOneOf(reporterIds) && f.Outcome != null)
            .Select(f => new { f.MemberId, f.Outcome }).ToListAsync(ct);
        var reportOutcomes = await session.Query<ProductReport>().Where(r => r.MemberId.IsOneOf(reporterIds) && r.Outcome != null)
            .Select(r => new { r.MemberId, r.Outcome }).ToListAsync(ct);
        return flagOutcomes.Concat(reportOutcomes).GroupBy(o => o.MemberId)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(o => o.Outcome == QueueOutcomes.Upheld)));
    }

    private static FlaggedPost PostOf(ForumPost post, ForumThread? thread) =>
        new(post.Id, post.ThreadId, thread?.Title ?? "", post.Seq, post.AuthorId, post.AuthorName, post.Body, post.Hidden, post.CreatedAt);

    private static ReportedProduct ProductOf(Product product, Shop? shop) =>
        new(product.Id, product.Title, ProductView.StatusOf(product.Status), product.ShopId, shop?.Name ?? "",
            [.. product.Files.Select(f => new CheckedFile(f.Name, f.Kind, f.Size, f.Warnings))]);
}
