using Marketplace.StripeSandbox.Events;
using Marten;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>GET /stripe-sandbox/control/accounts/{accountId}/events</c> and <c>GET /stripe-sandbox/control/events?type=</c>:
/// the events emitted, oldest first, each with its exact payload and every delivery attempt.
/// </summary>
public static class ListSandboxEvents
{
    public sealed record Attempt(int Round, int Copy, DateTimeOffset At, int? StatusCode, string? Error, bool Discarded, bool Succeeded, string Signature);

    public sealed record EventView(
        string Id, string Type, string? Account, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? GaveUpAt,
        int Copies, int FailFirst, IReadOnlyList<Attempt> Attempts, string Payload);

    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/accounts/{accountId}/events", (string accountId, string? type, IQuerySession session, CancellationToken ct) =>
            ListAsync(session, accountId, type, ct));
        control.MapGet("/events", (string? type, IQuerySession session, CancellationToken ct) => ListAsync(session, null, type, ct));
    }

    public static async Task<IResult> ListAsync(IQuerySession session, string? accountId, string? type, CancellationToken ct)
    {
        var query = session.Query<SandboxEvent>().AsQueryable();
        if (accountId is not null)
        {
            query = query.Where(e => e.Account == accountId);
        }

        if (!string.IsNullOrEmpty(type))
        {
            query = query.Where(e => e.Type == type);
        }

        var events = await query.OrderBy(e => e.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(events.Select(View).ToList());
    }

    public static EventView View(SandboxEvent e) => new(
        e.Id, e.Type, e.Account, e.CreatedAt, e.DeliveredAt, e.GaveUpAt, e.Copies, e.FailFirst,
        [.. e.Attempts.Select(a => new Attempt(a.Round, a.Copy, a.At, a.StatusCode, a.Error, a.Discarded, a.Succeeded, a.Signature))], e.Payload);
}
