using Marketplace.Infrastructure.Web;
using Marten;
using Marten.Pagination;

namespace Marketplace.Features.Moderation;

/// <summary><c>GET /api/moderation/queue</c>: open flagged posts, reported products and new shops' products awaiting review, oldest first (moderators).</summary>
public static class GetModerationQueue
{
    public sealed record Page(IReadOnlyList<QueueItemView> Items, long Total, int PageNumber, int PageSize);

    public static void Map(RouteGroupBuilder queue) =>
        queue.MapGet("", ListAsync).WithName("GetModerationQueue")
            .WithSummary("Open flagged posts, reported products and products awaiting review, oldest first, each with its flags, reporters' records and context.")
            .Produces<Page>();

    public static async Task<IResult> ListAsync(IQuerySession session, TimeProvider clock, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(session, clock.GetUtcNow(), Paging.Number(page), Paging.Size(pageSize, 20, 100), ct));

    public static async Task<Page> QueryAsync(IQuerySession session, DateTimeOffset now, int page, int size, CancellationToken ct)
    {
        var items = await session.Query<QueueItem>().Where(i => i.ResolvedAt == null).OrderBy(i => i.OpenedAt).ThenBy(i => i.Id)
            .ToPagedListAsync(page, size, ct);
        return new Page(await ModerationQueueView.BuildAsync(session, [.. items], now, ct), items.TotalItemCount, page, size);
    }
}
