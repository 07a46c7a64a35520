using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marten;
using Marten.Patching;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// <c>POST /api/forum/notifications/read {ids?}</c>: marks the caller's notifications read, those listed or else all.
/// Ids of someone else's notifications (or of none) are ignored. The caller's open pages get the new count.
/// </summary>
public static class MarkNotificationsRead
{
    public const int MaximumIds = 500;

    public sealed record Request(IReadOnlyList<string>? Ids);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Ids).Must(ids => ids is null || ids.Count <= MaximumIds).WithMessage($"Mark at most {MaximumIds} notifications at once.");
            RuleForEach(x => x.Ids).NotEmpty().MaximumLength(100);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/read", HandleAsync).Validate<Request>().RequireAuthorization(Policies.Member).WithName("MarkNotificationsRead")
            .WithSummary("Marks the caller's notifications read: those in `ids`, or all of them without `ids`. 204.");

    public static async Task<IResult> HandleAsync(Request request, IDocumentSession session, IHubContext<ForumHub> hub, TimeProvider clock, HttpContext http)
    {
        await ExecuteAsync(ForumActor.Of(http.User)!.Id, request.Ids, session, hub, clock, http.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task ExecuteAsync(
        Guid memberId, IReadOnlyList<string>? ids, IDocumentSession session, IHubContext<ForumHub> hub, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (ids is null)
        {
            session.Patch<ForumNotification>(n => n.MemberId == memberId && n.ReadAt == null).Set(n => n.ReadAt, now);
        }
        else if (ids.Count > 0)
        {
            var listed = ids.Distinct(StringComparer.Ordinal).ToArray();
            session.Patch<ForumNotification>(n => n.MemberId == memberId && n.ReadAt == null && n.Id.IsOneOf(listed)).Set(n => n.ReadAt, now);
        }

        await session.SaveChangesAsync(ct);
        await UnreadCounts.PushAsync(hub, session, memberId, ct);
    }
}
