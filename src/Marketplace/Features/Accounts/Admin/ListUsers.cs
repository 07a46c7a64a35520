using Marten;
using Marten.Pagination;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Accounts.Admin;

public static class ListUsers
{
    public sealed record Item(
        Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool EmailConfirmed, bool LockedOut, DateTimeOffset CreatedAt);

    public sealed record Response(IReadOnlyList<Item> Items, long Total, int Page, int PageSize);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListUsers").WithSummary("Accounts, newest first; q searches email and display name.");

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
        return new Response(
            [.. users.Select(u => new Item(u.Id, u.Email!, u.DisplayName, u.Roles, u.EmailConfirmed, u.LockoutEnd > now, u.CreatedAt))],
            users.TotalItemCount, number, size);
    }
}
