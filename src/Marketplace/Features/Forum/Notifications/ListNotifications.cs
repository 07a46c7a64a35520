using Marketplace.Features.Accounts;
using Marten;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Forum.Notifications;

/// <summary><c>GET /api/forum/notifications?unread=&amp;page=</c>: the caller's notifications, newest first, and their unread count.</summary>
public static class ListNotifications
{
    public const int PageSize = 30;

    public sealed record Response(IReadOnlyList<NotificationView> Items, int UnreadCount);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).RequireAuthorization(Policies.Member).WithName("ListNotifications")
            .WithSummary($"The caller's notifications, newest first, {PageSize} a page; `unread=true` for the unread ones only.");

    public static async Task<Response> HandleAsync(bool? unread, int? page, IQuerySession session, HttpContext http) =>
        await ExecuteAsync(session, ForumActor.Of(http.User)!.Id, unread == true, page ?? 1, PageSize, http.RequestAborted);

    public static async Task<Response> ExecuteAsync(IQuerySession session, Guid memberId, bool unreadOnly, int page, int pageSize, CancellationToken ct)
    {
        var query = session.Query<ForumNotification>().Where(n => n.MemberId == memberId && !n.Withdrawn);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((Paging.Number(page) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Response([.. items.Select(NotificationView.Of)], await UnreadCounts.CountAsync(session, memberId, ct));
    }
}
