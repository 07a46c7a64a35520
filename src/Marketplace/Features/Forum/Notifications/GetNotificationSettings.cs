using Marketplace.Features.Accounts;
using Marten;

namespace Marketplace.Features.Forum.Notifications;

/// <summary><c>GET /api/forum/notifications/settings</c>: whether the caller gets digest mail.</summary>
public static class GetNotificationSettings
{
    public sealed record Response(bool EmailDigest);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/settings", HandleAsync).RequireAuthorization(Policies.Member).WithName("GetNotificationSettings")
            .WithSummary("Whether the caller gets a digest mail of unread notifications.");

    public static async Task<Response> HandleAsync(IQuerySession session, HttpContext http) =>
        await ExecuteAsync(session, ForumActor.Of(http.User)!.Id, http.RequestAborted);

    public static async Task<Response> ExecuteAsync(IQuerySession session, Guid memberId, CancellationToken ct) =>
        new((await session.LoadAsync<NotificationSettings>(memberId, ct))?.EmailDigest ?? true);
}
