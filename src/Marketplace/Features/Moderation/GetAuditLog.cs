using Marketplace.Infrastructure.Web;
using Marten;
using Marten.Pagination;

namespace Marketplace.Features.Moderation;

/// <summary><c>GET /api/admin/audit</c>: every moderator and admin action, newest first, with filters (admins).</summary>
public static class GetAuditLog
{
    public const int MaxFilterLength = 100;

    public sealed record Page(IReadOnlyList<AuditEntry> Items, long Total, int PageNumber, int PageSize);

    public sealed record Filter(string? Action, Guid? Actor, string? TargetKind, string? TargetId, DateTimeOffset? From, DateTimeOffset? To);

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/audit", ListAsync).WithName("ListAuditLog")
            .WithSummary("Moderator and admin actions, newest first; filter by `action`, `actor`, `targetKind`, `targetId`, `from` and `to`.")
            .Produces<Page>().ProducesValidationProblem();

    public static async Task<IResult> ListAsync(
        IQuerySession session, string? action, Guid? actor, string? targetKind, string? targetId, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, CancellationToken ct)
    {
        foreach (var (name, value) in new[] { ("action", action), ("targetKind", targetKind), ("targetId", targetId) })
        {
            if (value is { Length: > MaxFilterLength })
            {
                return ValidationProblems.Field(name, $"Use at most {MaxFilterLength} characters.");
            }
        }

        if (from > to)
        {
            return ValidationProblems.Field("from", "The start of the period is after its end.");
        }

        var filter = new Filter(Blank(action), actor, Blank(targetKind), Blank(targetId), from, to);
        return TypedResults.Ok(await QueryAsync(session, filter, Paging.Number(page), Paging.Size(pageSize, 50, 200), ct));
    }

    public static async Task<Page> QueryAsync(IQuerySession session, Filter filter, int page, int size, CancellationToken ct)
    {
        var query = session.Query<AuditEntry>().AsQueryable();
        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.Actor is { } actor)
        {
            query = query.Where(e => e.ActorId == actor);
        }

        if (filter.TargetKind is { } kind)
        {
            query = query.Where(e => e.TargetKind == kind);
        }

        if (filter.TargetId is { } target)
        {
            query = query.Where(e => e.TargetId == target);
        }

        if (filter.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(e => e.At <= to);
        }

        var paged = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPagedListAsync(page, size, ct);
        return new Page([.. paged], paged.TotalItemCount, page, size);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
