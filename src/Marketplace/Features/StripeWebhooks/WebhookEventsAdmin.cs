using Marten;
using Marten.Pagination;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>Admins see the received Stripe events with their outcome, and replay one once its cause is fixed.</summary>
public static class WebhookEventsAdmin
{
    public sealed record EventSummary(
        string Id, string Type, string? Account, bool Livemode, DateTimeOffset CreatedAt, DateTimeOffset ReceivedAt,
        string Status, int Attempts, string? Error, DateTimeOffset? NextAttemptAt, DateTimeOffset? ProcessedAt, int Replays)
    {
        public static EventSummary Of(StripeEventRecord r) => new(
            r.Id, r.Type, r.Account, r.Livemode, r.CreatedAt, r.ReceivedAt, r.Status.ToString().ToLowerInvariant(), r.Attempts, r.Error,
            r.NextAttemptAt, r.ProcessedAt, r.Replays);
    }

    public sealed record Page(IReadOnlyList<EventSummary> Items, long Total, int PageNumber, int PageSize);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/webhooks", ListAsync).WithName("ListStripeWebhookEvents")
            .WithSummary("Received Stripe events, newest first; filter by `status` (received, retrying, processed, ignored, failed) and `type`.");
        admin.MapGet("/webhooks/{eventId}", GetAsync).WithName("GetStripeWebhookEvent")
            .WithSummary("One received Stripe event and its outcome (the admin page follows a replay with it).");
        admin.MapPost("/webhooks/{eventId}/replay", ReplayAsync).WithName("ReplayStripeWebhookEvent")
            .WithSummary("Runs the event's handler again (202). Handlers are idempotent, so replaying a processed event changes nothing.");
    }

    public static async Task<IResult> ListAsync(IQuerySession session, string? status, string? type, int? page, int? pageSize, CancellationToken ct)
    {
        StripeEventStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<StripeEventStatus>(status, ignoreCase: true, out var value))
            {
                return ValidationProblems.Field("status", "Use received, retrying, processed, ignored or failed.");
            }

            parsed = value;
        }

        return TypedResults.Ok(await QueryAsync(session, parsed, type, page ?? 1, pageSize ?? 50, ct));
    }

    public static async Task<Page> QueryAsync(IQuerySession session, StripeEventStatus? status, string? type, int page, int pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize, 1, 200);
        var number = Paging.Number(page);
        var query = session.Query<StripeEventRecord>().AsQueryable();
        if (status is { } wanted)
        {
            query = query.Where(r => r.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(type))
        {
            query = query.Where(r => r.Type == type);
        }

        var paged = await query.OrderByDescending(r => r.ReceivedAt).ToPagedListAsync(number, size, ct);
        return new Page([.. paged.Select(EventSummary.Of)], paged.TotalItemCount, number, size);
    }

    public static async Task<IResult> GetAsync(string eventId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<StripeEventRecord>(eventId, ct) is { } record
            ? TypedResults.Ok(EventSummary.Of(record))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such event.");

    public static async Task<IResult> ReplayAsync(string eventId, IDocumentSession session, StripeEventQueue queue, CancellationToken ct)
    {
        var record = await ReplayCoreAsync(eventId, session, queue, ct);
        return record is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such event.")
            : TypedResults.Accepted((string?)null, EventSummary.Of(record));
    }

    /// <summary>
    /// Marks the event waiting again and sends its message once that is committed (a crash in between leaves it for
    /// the sweeper). Two concurrent replays conflict on the record's version; the loser answers 409.
    /// </summary>
    public static async Task<StripeEventRecord?> ReplayCoreAsync(string eventId, IDocumentSession session, StripeEventQueue queue, CancellationToken ct)
    {
        var record = await session.LoadAsync<StripeEventRecord>(eventId, ct);
        if (record is null)
        {
            return null;
        }

        record.Replays++;
        record.Status = StripeEventStatus.Received;
        record.NextAttemptAt = null;
        var routed = StripeEventRoutes.MessageFor(record) is not null;
        if (!routed)
        {
            queue.Send(record); // marks it ignored
        }

        session.Update(record);
        await session.SaveChangesAsync(ct);
        if (routed)
        {
            queue.Send(record);
        }

        return record;
    }
}
