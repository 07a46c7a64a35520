using Marten;
using Marten.Pagination;
using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Accounts.Admin;

public static class ListUsers
{
    /// <summary>An account; <see cref="SuspendedUntil"/> and <see cref="SuspensionReason"/> are set while a suspension is in force.</summary>
    public sealed record Item(
        Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool EmailConfirmed, bool LockedOut, DateTimeOffset CreatedAt,
        DateTimeOffset? SuspendedUntil = null, string? SuspensionReason = null);

    public sealed record Response(IReadOnlyList<Item> Items, long Total, int Page, int PageSize);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListUsers").WithSummary("Accounts, newest first, with roles and any suspension in force; q searches email and display name.");

    public static async Task<Response> HandleAsync(IQuerySession session, TimeProvider clock, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var number = Paging.Number(page);
        var size = Paging.Size(pageSize, 25, 100);
        var query = session.Query<UserAccount>().Where(u => u.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.Email!.Contains(term, StringComparison.OrdinalIgnoreCase) ||
                                     u.DisplayName.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        var users = await query.OrderByDescending(u => u.CreatedAt).ToPagedListAsync(number, size, ct);
        var now = clock.GetUtcNow();
        var suspensions = (await session.LoadManyAsync<MemberSuspension>(ct, users.Select(u => u.Id)))
            .Where(s => s.IsActive(now)).ToDictionary(s => s.Id);
        return new Response(
            [.. users.Select(u => new Item(u.Id, u.Email!, u.DisplayName, u.Roles, u.EmailConfirmed, u.LockoutEnd > now, u.CreatedAt,
                suspensions.GetValueOrDefault(u.Id)?.Until, suspensions.GetValueOrDefault(u.Id)?.Reason))],
            users.TotalItemCount, number, size);
    }
}
